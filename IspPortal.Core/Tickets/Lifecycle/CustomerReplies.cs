using System.Globalization;
using System.Text.RegularExpressions;

namespace IspPortal.Core.Tickets.Lifecycle;

/// <summary>What a customer's short WhatsApp reply means for their resolved or closed ticket.</summary>
public abstract record CustomerReply
{
    /// <summary>"YA", "sudah normal": the fix is confirmed.</summary>
    public sealed record Fixed : CustomerReply;

    /// <summary>"BELUM", "masih mati pak": the ticket goes back to work; the text is the note.</summary>
    public sealed record NotFixed(string Text) : CustomerReply;

    /// <summary>"5", "4 mantap", "3/5 agak lama".</summary>
    public sealed record Rating(int Stars, string? Comment) : CustomerReply;
}

/// <summary>
/// Reads the answers the ticket messages ask for (<c>ticket_resolved</c>: YA/BELUM; <c>ticket_rating</c>:
/// 1–5). Anything else is an ordinary message for the agent, so only short, unambiguous replies count:
/// "ya" alone confirms, "belum…" or "masih…" at the start disputes, a lone digit 1–5 (not part of a
/// number, so a phone number is never a rating) rates.
/// </summary>
public static partial class CustomerReplies
{
    private static readonly HashSet<string> FixedPhrases = new(StringComparer.Ordinal)
    {
        "ya", "y", "iya", "iyaa", "yes", "ok", "oke", "okay", "okey", "sip", "siap", "mantap", "beres", "normal", "sudah", "sdh", "udah", "dah",
        "sudah normal", "sudah bisa", "sudah beres", "sudah oke", "sudah ok", "udah normal", "udah bisa", "ya sudah", "ya sudah normal",
        "sudah normal terima kasih", "sudah bisa terima kasih", "ya terima kasih", "terima kasih sudah normal",
    };

    private static readonly HashSet<string> NotFixedFirstWords = new(StringComparer.Ordinal)
    {
        "belum", "blm", "blum", "masih", "msh", "tidak", "tdk", "gak", "ga", "nggak", "enggak", "no",
    };

    public static CustomerReply? ToResolvedTicket(string? text)
    {
        var words = Words(text);
        if (words.Length == 0)
            return null;
        if (FixedPhrases.Contains(string.Join(' ', words)))
            return new CustomerReply.Fixed();
        return NotFixedFirstWords.Contains(words[0]) ? new CustomerReply.NotFixed(text!.Trim()) : null;
    }

    public static CustomerReply.Rating? ToRatingRequest(string? text)
    {
        var match = RatingPattern().Match(text ?? "");
        if (!match.Success)
            return null;
        var comment = match.Groups["comment"].Value.Trim();
        return new CustomerReply.Rating(int.Parse(match.Groups["stars"].Value, CultureInfo.InvariantCulture), comment.Length == 0 ? null : comment);
    }

    private static string[] Words(string? text) =>
        NotLetters().Replace((text ?? "").ToLower(CultureInfo.InvariantCulture), " ").Split(' ', StringSplitOptions.RemoveEmptyEntries);

    [GeneratedRegex(@"[^\p{L}]+")]
    private static partial Regex NotLetters();

    [GeneratedRegex(@"^\s*(?<stars>[1-5])(?![0-9]|[.,][0-9])(?:\s*(?:/\s*5|bintang))?\s*[.!:,-]?\s*(?<comment>.*)$", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex RatingPattern();
}
