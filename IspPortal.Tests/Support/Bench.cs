using System.Globalization;

namespace IspPortal.Tests.Support;

/// <summary>The machine-readable line every benchmark prints per figure: <c>BENCH name value unit target value</c>.</summary>
public static class Bench
{
    public static string Line(string name, double value, string unit, double target) =>
        string.Create(CultureInfo.InvariantCulture, $"BENCH {name} {Round(value)} {unit} target {Round(target)}");

    /// <summary>The nearest-rank percentile of <paramref name="sorted"/> (ascending).</summary>
    public static double Percentile(IReadOnlyList<double> sorted, int percentile) =>
        sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static double Round(double value) => Math.Round(value, value < 10 ? 2 : 1);
}
