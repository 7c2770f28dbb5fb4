using System.Globalization;
using System.Text.RegularExpressions;
using IspPortal.Core.Common;

namespace IspPortal.Core.Billing.Documents;

/// <summary>
/// Gapless running numbers for documents (invoices, receipts), one counter per scope, e.g. the
/// month of <c>INV/2025/02/</c>. A reservation locks the scope's counter until the transaction ends:
/// a rollback gives the numbers back, and a second run waits instead of taking the same ones.
/// </summary>
[FeatureApi]
public interface IDocumentSequences
{
    /// <returns>The first of <paramref name="count"/> consecutive numbers, reserved in <paramref name="db"/>'s open transaction.</returns>
    Task<long> ReserveAsync(IIspDb db, string scope, int count, CancellationToken cancellationToken = default);
}

[FeatureApi]
public static class DocumentSequencesExtensions
{
    /// <summary>Reserves one number of <paramref name="kind"/> for a document dated in <paramref name="period"/>'s month and renders it.</summary>
    public static async Task<string> NextNumberAsync(this IDocumentSequences sequences, IIspDb db, string kind, string format, DateOnly period, CancellationToken cancellationToken = default)
    {
        var first = await sequences.ReserveAsync(db, DocumentNumberFormat.Scope(kind, format, period), 1, cancellationToken);
        return DocumentNumberFormat.Render(format, period, first);
    }
}

/// <summary>
/// A document number format such as <c>INV/{yyyy}/{MM}/{seq:6}</c>: <c>{yyyy}</c>, <c>{yy}</c> and
/// <c>{MM}</c> come from the period, <c>{seq:N}</c> is the running number padded to N digits. The
/// running number restarts wherever the rest of the number changes (monthly with <c>{MM}</c>).
/// </summary>
public static partial class DocumentNumberFormat
{
    public const string InvoiceKind = "invoice";
    public const string PaymentKind = "payment";
    public const string CreditNoteKind = "credit-note";
    public const string TicketKind = "ticket";

    public static IReadOnlyList<string> Problems(string? format, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(format))
            return ["Format nomor wajib diisi."];
        var problems = new List<string>();
        var sequences = Sequence().Matches(format);
        if (sequences.Count != 1)
            problems.Add("Format nomor harus memuat {seq} tepat satu kali, misalnya INV/{yyyy}/{MM}/{seq:6}.");
        var unknown = Token().Matches(format).Select(m => m.Value).Where(t => !Sequence().IsMatch(t) && t is not ("{yyyy}" or "{yy}" or "{MM}")).Distinct().ToList();
        if (unknown.Count > 0)
            problems.Add($"Bagian format tidak dikenal: {string.Join(", ", unknown)}. Yang tersedia: {{yyyy}}, {{yy}}, {{MM}}, {{seq:N}}.");
        if (problems.Count == 0 && Render(format, new DateOnly(2000, 12, 1), 1).Length > maxLength)
            problems.Add($"Nomor yang dihasilkan lebih dari {maxLength} karakter.");
        return problems;
    }

    /// <summary>The counter a number belongs to: the format with the period filled in and the running number left out.</summary>
    public static string Scope(string kind, string format, DateOnly period) => kind + ":" + Sequence().Replace(Period(format, period), "#");

    public static string Render(string format, DateOnly period, long number) =>
        Sequence().Replace(Period(format, period), m =>
            number.ToString(CultureInfo.InvariantCulture).PadLeft(m.Groups[1].Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 6, '0'));

    private static string Period(string format, DateOnly period) => format
        .Replace("{yyyy}", period.Year.ToString("D4", CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{yy}", (period.Year % 100).ToString("D2", CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{MM}", period.Month.ToString("D2", CultureInfo.InvariantCulture), StringComparison.Ordinal);

    [GeneratedRegex(@"\{seq(?::([1-9]|10))?\}")]
    private static partial Regex Sequence();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Token();
}
