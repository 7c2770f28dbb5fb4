using System.Text;
using System.Text.RegularExpressions;

namespace IspPortal.Core.Notifications.Templates;

/// <summary>
/// Template text with <c>{placeholder}</c>s: checked against the event's placeholders on save,
/// filled at send time, and turned into the ordered parameters an approved WhatsApp template takes.
/// </summary>
public static partial class TemplateText
{
    /// <param name="part">What the text is, as the messages name it: the body ("Isi templat") or the e-mail subject ("Subjek").</param>
    /// <returns>The problems with <paramref name="text"/> (Indonesian), none when it is valid.</returns>
    public static IReadOnlyList<string> Check(string? text, NotificationEvent notification, int maxLength, string part = "Isi templat")
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add($"{part} wajib diisi.");
            return problems;
        }
        if (text.Length > maxLength)
            problems.Add($"{part} maksimal {maxLength} karakter.");
        var opened = 0;
        foreach (var c in text)
        {
            opened += c == '{' ? 1 : c == '}' ? -1 : 0;
            if (opened is < 0 or > 1)
            {
                problems.Add("Kurung kurawal tidak seimbang: tulis placeholder seperti {nama}.");
                return problems;
            }
        }
        if (opened != 0)
            problems.Add("Kurung kurawal tidak seimbang: tulis placeholder seperti {nama}.");
        var allowed = Allowed(notification);
        foreach (var unknown in Placeholders(text).Where(p => !allowed.Contains(p)).Distinct())
            problems.Add($"Placeholder {{{unknown}}} tidak dikenal untuk \"{notification.Label}\". Yang tersedia: {string.Join(", ", allowed.Select(a => "{" + a + "}"))}.");
        return problems;
    }

    /// <summary>Replaces every placeholder; a value that is missing becomes an empty string.</summary>
    public static string Fill(string text, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var value) ? value : "");

    /// <summary>The placeholders in order of appearance: the {{1}}, {{2}}… of the approved WhatsApp template.</summary>
    public static IReadOnlyList<string> Placeholders(string text) =>
        [.. Placeholder().Matches(text).Select(m => m.Groups[1].Value)];

    public static IReadOnlyList<string> Allowed(NotificationEvent notification) =>
        [.. notification.Placeholders, NotificationEvents.CompanyName];

    [GeneratedRegex(@"\{([a-z_]+)\}")]
    private static partial Regex Placeholder();
}
