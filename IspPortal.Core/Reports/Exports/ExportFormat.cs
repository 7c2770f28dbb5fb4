namespace IspPortal.Core.Reports.Exports;

public enum ExportFormat
{
    Csv,
    Xlsx,
    Pdf,
}

public static class ExportFormats
{
    public const string Invalid = "Format tidak dikenal; gunakan json, csv, xlsx atau pdf.";

    /// <summary>
    /// <c>csv</c>, <c>xlsx</c> or <c>pdf</c> (any case) → the format; absent, empty or <c>json</c> → null (the JSON answer);
    /// anything else is refused (<paramref name="valid"/> false) rather than guessed.
    /// </summary>
    public static ExportFormat? Parse(string? text, out bool valid)
    {
        valid = true;
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "json": return null;
            case "csv": return ExportFormat.Csv;
            case "xlsx": return ExportFormat.Xlsx;
            case "pdf": return ExportFormat.Pdf;
            default:
                valid = false;
                return null;
        }
    }

    public static string ContentType(ExportFormat format) => format switch
    {
        ExportFormat.Csv => "text/csv; charset=utf-8",
        ExportFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "application/pdf",
    };

    public static string Extension(ExportFormat format) => format switch
    {
        ExportFormat.Csv => "csv",
        ExportFormat.Xlsx => "xlsx",
        _ => "pdf",
    };
}
