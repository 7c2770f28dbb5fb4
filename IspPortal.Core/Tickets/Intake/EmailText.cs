using System.Text.RegularExpressions;

namespace IspPortal.Core.Tickets.Intake;

/// <summary>The customer's own words in a reply: everything above the quoted message their mail program added.</summary>
public static partial class EmailText
{
    public static string WithoutQuotedReply(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var kept = new List<string>();
        foreach (var line in lines)
        {
            if (line.StartsWith('>') || QuoteHeader().IsMatch(line))
                break;
            kept.Add(line);
        }
        var own = string.Join('\n', kept).Trim();
        return own.Length == 0 ? text.Trim() : own;
    }

    /// <summary>The ticket a subject names, e.g. "Re: [TKT-2511-000042] Internet mati".</summary>
    public static string? TicketNumberIn(string subject) => TicketNumber().Match(subject) is { Success: true } match ? match.Value : null;

    // Gmail/Outlook/Apple Mail in English and Indonesian: "On … wrote:", "Pada … menulis:", "-----Original Message-----", "From: …" blocks.
    [GeneratedRegex(@"^\s*((On|Pada)\s.+(wrote|menulis)\s*:|-{2,}\s*(Original Message|Pesan Asli)\s*-{2,}|_{10,})\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex QuoteHeader();

    [GeneratedRegex(@"\bTKT-\d{4}-\d{6}\b")]
    private static partial Regex TicketNumber();
}
