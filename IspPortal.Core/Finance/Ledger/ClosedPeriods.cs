using IspPortal.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Finance.Ledger;

/// <summary>The readable refusal for a day in a closed month, checked before the database's own guard would raise.</summary>
public static class ClosedPeriods
{
    /// <returns>Why nothing may be dated <paramref name="day"/>, or null when its month is open.</returns>
    public static async Task<string?> RefusalAsync(IIspDb db, DateOnly day, CancellationToken cancellationToken = default)
    {
        var month = new DateOnly(day.Year, day.Month, 1);
        return await db.LedgerPeriods.AnyAsync(p => p.Month == month, cancellationToken) ? Message(month) : null;
    }

    /// <summary>What a use case answers when <paramref name="month"/> is closed and something wants to post in it.</summary>
    public static string Message(DateOnly month) =>
        $"Buku bulan {month.ToString("MMMM yyyy", Rupiah.Indonesia)} sudah ditutup; catat koreksinya di bulan yang masih terbuka.";
}
