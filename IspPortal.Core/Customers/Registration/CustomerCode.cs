using System.Globalization;

namespace IspPortal.Core.Customers.Registration;

/// <summary>
/// <c>{LOC}-{ROUTER}{DDMMYY}-{NNN}</c>, e.g. <c>KCB-CKP010225-001</c>: NNN counts registrations per
/// location, router and day (in the ISP's time zone), from 001.
/// </summary>
public static class CustomerCode
{
    public const int MaxPerDay = 999;

    public static string Prefix(string locationCode, string routerCode, DateOnly day) =>
        $"{locationCode}-{routerCode}{day.ToString("ddMMyy", CultureInfo.InvariantCulture)}-";

    public static string Format(string prefix, int number) =>
        prefix + number.ToString("000", CultureInfo.InvariantCulture);

    /// <summary>The number after <paramref name="lastCode"/> (null: none yet today); null when the day is full.</summary>
    public static int? Next(string prefix, string? lastCode) =>
        lastCode is null ? 1
        : int.TryParse(lastCode.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var last) && last < MaxPerDay ? last + 1
        : null;
}
