using System.Globalization;

namespace IspPortal.Core.Reports.Saved;

/// <summary>
/// How a report's filter values read, the same for the API's query and a saved report's filters (so both refuse the same values with the
/// same Indonesian words): months, whole numbers in a range, ids.
/// </summary>
public static class FilterValues
{
    public const string BadMonth = "Bulan tidak valid; gunakan format YYYY-MM, misalnya 2026-01.";
    public const string BadId = "Isi satu bilangan bulat positif.";

    private static readonly string[] MonthFormats = ["yyyy-MM", "yyyy-MM-dd"];

    /// <summary>The first day of the month <paramref name="text"/> names (<c>YYYY-MM</c>, or a day of it as <c>YYYY-MM-DD</c>); null when it is not one.</summary>
    public static DateOnly? Month(string? text) =>
        text is { Length: <= 12 } && DateOnly.TryParseExact(text.Trim(), MonthFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? new DateOnly(day.Year, day.Month, 1) : null;

    /// <summary>A whole number in <paramref name="min"/>..<paramref name="max"/> without sign or spaces; null when <paramref name="text"/> is not one.</summary>
    public static int? Number(string? text, int min, int max) =>
        text is { Length: > 0 and <= 11 } && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number : null;

    /// <summary>A positive whole number (an id).</summary>
    public static int? Id(string? text) => Number(text, 1, int.MaxValue);

    /// <summary>The refusal of what is not an id (the API reads ids as any whole number 1–2147483647, with the same words); null for an id.</summary>
    public static string? IdProblem(string value) => Id(value) is null ? NumberProblem(1, int.MaxValue) : null;

    /// <summary>The refusal of a number outside <paramref name="min"/>..<paramref name="max"/> when the filter has no words of its own.</summary>
    public static string NumberProblem(int min, int max) => $"Isi satu bilangan bulat {min}–{max}.";
}
