using System.Diagnostics;
using System.Text.RegularExpressions;

namespace IspPortal.Tests.Support;

/// <summary>The text of a PDF as poppler's <c>pdftotext</c> reads it (installed by test.sh), whitespace collapsed so wrapped lines read as one.</summary>
public static partial class PdfText
{
    public const string PdfToText = "/usr/bin/pdftotext";

    public static async Task<string> ExtractAsync(byte[] pdf)
    {
        Assert.True(File.Exists(PdfToText), $"{PdfToText} is missing: apt-get install poppler-utils (test.sh does).");
        var start = new ProcessStartInfo(PdfToText, ["-", "-"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardInput.BaseStream.WriteAsync(pdf);
        process.StandardInput.Close();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"pdftotext failed ({process.ExitCode}): {await errors}");
        return Whitespace().Replace(await output, " ");
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
