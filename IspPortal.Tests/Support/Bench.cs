using System.Globalization;

namespace IspPortal.Tests.Support;

/// <summary>The machine-readable line every benchmark prints per figure: <c>BENCH name value unit target value</c>.</summary>
public static class Bench
{
    public static string Line(string name, double value, string unit, double target) =>
        string.Create(CultureInfo.InvariantCulture, $"BENCH {name} {Round(value)} {unit} target {Round(target)}");

    private static double Round(double value) => Math.Round(value, value < 10 ? 2 : 1);
}
