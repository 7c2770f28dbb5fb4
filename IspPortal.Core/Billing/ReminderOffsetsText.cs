using System.Globalization;
using IspPortal.Core.Common;

namespace IspPortal.Core.Billing;

/// <summary>Reminder days as staff write them: "-7, -3, -1, 3, 7" or the H-notation Indonesian ISPs use, "H-7, H-3, H+3".</summary>
public static class ReminderOffsetsText
{
    public static string Format(IEnumerable<int> offsets) =>
        string.Join(", ", offsets.Select(o => o.ToString("+0;-0", CultureInfo.InvariantCulture)));

    public static Outcome<IReadOnlyList<int>> Parse(string text)
    {
        var offsets = new List<int>();
        foreach (var part in text.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            var number = part.StartsWith('H') || part.StartsWith('h') ? part[1..] : part;
            if (!int.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var offset))
                return Outcome.Refused<IReadOnlyList<int>>(nameof(BillingSettings.ReminderOffsets), $"'{part}' bukan hari pengingat; tulis seperti -7, -3, 3 atau H-7, H+3.");
            offsets.Add(offset);
        }
        return Outcome.Done<IReadOnlyList<int>>([.. offsets.Order()]);
    }
}
