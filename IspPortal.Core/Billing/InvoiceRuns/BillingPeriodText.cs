using System.Globalization;

namespace IspPortal.Core.Billing.InvoiceRuns;

/// <summary>A billed month as people and the API write it: <c>2025-02</c>.</summary>
public static class BillingPeriodText
{
    public const string Format = "yyyy-MM";

    public const string Malformed = "Periode ditulis YYYY-MM, misalnya 2025-02.";

    public static bool TryParse(string? text, out DateOnly month) =>
        DateOnly.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out month);

    public static string Of(DateOnly month) => month.ToString(Format, CultureInfo.InvariantCulture);
}
