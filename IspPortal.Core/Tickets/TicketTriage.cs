namespace IspPortal.Core.Tickets;

/// <summary>
/// Keyword rules that put a new ticket in its category: the active category with the most of its
/// keywords in the subject and description wins (ties go to the one listed first). Matching ignores
/// case and needs whole words, so "los" finds "lampu LOS merah" but not "kelos".
/// </summary>
public static class TicketTriage
{
    public static TicketCategory? Categorise(IEnumerable<TicketCategory> categories, string subject, string description)
    {
        var words = Words($"{subject} {description}");
        return categories
            .Where(c => c.IsActive)
            .Select(c => (Category: c, Hits: c.Keywords.Count(k => Contains(words, Words(k)))))
            .Where(c => c.Hits > 0)
            .OrderByDescending(c => c.Hits).ThenBy(c => c.Category.SortOrder).ThenBy(c => c.Category.Id)
            .Select(c => c.Category)
            .FirstOrDefault();
    }

    private static string[] Words(string text) =>
        text.ToLower(Common.Rupiah.Indonesia).Split((char[])[' ', '\t', '\r', '\n', '.', ',', ';', ':', '!', '?', '(', ')', '"', '\'', '/', '-'], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Whether <paramref name="phrase"/> appears as consecutive whole words.</summary>
    private static bool Contains(string[] words, string[] phrase)
    {
        if (phrase.Length == 0)
            return false;
        for (var i = 0; i + phrase.Length <= words.Length; i++)
        {
            if (phrase.AsSpan().SequenceEqual(words.AsSpan(i, phrase.Length)))
                return true;
        }
        return false;
    }
}
