using System.Globalization;
using System.Text;
using System.Text.Json;

namespace IspPortal.Core.Common;

/// <summary>
/// Text of a JSON value customers' messages arrive in (webhook payloads), <see cref="SafeText.Clean"/>ed
/// so nothing of it is lost and nothing the database refuses gets through. Unpaired surrogate escapes
/// (<c>\ud800</c>), which <see cref="JsonElement.GetString"/> throws on, are dropped like other bad characters.
/// </summary>
public static class JsonText
{
    /// <returns>The cleaned text of a string or number value, else null.</returns>
    public static string? CleanedOrNull(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => Cleaned(value),
        JsonValueKind.Number => value.GetRawText(),
        _ => null,
    };

    public static string Cleaned(JsonElement text)
    {
        try
        {
            return SafeText.Clean(text.GetString() ?? "");
        }
        catch (InvalidOperationException)
        {
            return SafeText.Clean(Unescape(text.GetRawText()));
        }
    }

    private static string Unescape(string quoted)
    {
        var raw = quoted.AsSpan(1, quoted.Length - 2);
        var text = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != '\\' || i + 1 >= raw.Length)
            {
                text.Append(raw[i]);
                continue;
            }
            var escaped = raw[++i];
            if (escaped == 'u' && i + 4 < raw.Length && ushort.TryParse(raw.Slice(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
            {
                text.Append((char)code);
                i += 4;
                continue;
            }
            text.Append(escaped switch { 'b' => '\b', 'f' => '\f', 'n' => '\n', 'r' => '\r', 't' => '\t', _ => escaped });
        }
        return text.ToString();
    }
}
