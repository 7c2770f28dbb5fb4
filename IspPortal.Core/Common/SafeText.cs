using System.Collections.Frozen;

namespace IspPortal.Core.Common;

/// <summary>
/// The one rule for text from outside, shared by the API's edges, the forms and the use cases: no C0
/// control character (U+0000–U+001F; PostgreSQL refuses NUL outright) and no unpaired UTF-16
/// surrogate. Tab, CR and LF are allowed only in multi-line fields, which are known by name
/// (<see cref="MultiLineFields"/>). Staff and API clients are refused (<see cref="IsAcceptable"/>);
/// what customers send in (WhatsApp, e-mail, payment notifications) must not be lost, so it is
/// <see cref="Clean"/>ed instead.
/// </summary>
public static class SafeText
{
    public const string RefusedMessage = "Teks mengandung karakter yang tidak diizinkan.";

    /// <summary>Fields (by name, any case, with or without a path before them) whose text may span lines.</summary>
    public static readonly FrozenSet<string> MultiLineFields = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "address", "description", "notes", "note", "message", "text", "body", "reason", "comment", "content", "instructions", "paymentInstructions");

    public static bool IsMultiLineField(string field)
    {
        var name = field.AsSpan();
        var cut = name.LastIndexOfAny('.', '/');
        if (cut >= 0)
            name = name[(cut + 1)..];
        var index = name.IndexOf('[');
        if (index >= 0)
            name = name[..index];
        return MultiLineFields.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name);
    }

    public static bool IsAcceptable(string? text, bool multiLine)
    {
        if (text is null)
            return true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < ' ')
            {
                if (!multiLine || c is not ('\t' or '\r' or '\n'))
                    return false;
            }
            else if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                    return false;
                i++;
            }
            else if (char.IsLowSurrogate(c))
                return false;
        }
        return true;
    }

    /// <summary>The rule for a named field: multi-line when <see cref="IsMultiLineField"/> says so.</summary>
    public static bool IsAcceptableFor(string field, string? text) => IsAcceptable(text, IsMultiLineField(field));

    /// <summary>Control characters other than tab and line breaks removed, unpaired surrogates removed, the rest kept.</summary>
    public static string Clean(string text)
    {
        if (IsAcceptable(text, multiLine: true))
            return text;
        var cleaned = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < ' ' && c is not ('\t' or '\r' or '\n'))
                continue;
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    cleaned.Append(c).Append(text[++i]);
                continue;
            }
            if (char.IsLowSurrogate(c))
                continue;
            cleaned.Append(c);
        }
        return cleaned.ToString();
    }

    /// <summary><see cref="Clean"/> that keeps null as null.</summary>
    public static string? CleanOrNull(string? text) => text is null ? null : Clean(text);
}
