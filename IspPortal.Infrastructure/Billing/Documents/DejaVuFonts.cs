using PdfSharp.Fonts;

namespace IspPortal.Infrastructure.Billing.Documents;

/// <summary>
/// PDFsharp finds no fonts by itself on Linux: every family resolves to DejaVu Sans from Debian's
/// fonts-dejavu-core (installed by run.sh, test.sh and the Dockerfile), so no font file is committed.
/// DejaVu covers Indonesian text and "Rp" without a fallback.
/// </summary>
public sealed class DejaVuFonts : IFontResolver
{
    public const string Folder = "/usr/share/fonts/truetype/dejavu";
    public const string Family = "DejaVu Sans";

    private static readonly Lock Installing = new();
    private static bool _installed;

    private static readonly Dictionary<string, string> Files = new()
    {
        ["DejaVuSans"] = "DejaVuSans.ttf",
        ["DejaVuSans-Bold"] = "DejaVuSans-Bold.ttf",
        ["DejaVuSans-Oblique"] = "DejaVuSans-Oblique.ttf",
        ["DejaVuSans-BoldOblique"] = "DejaVuSans-BoldOblique.ttf",
    };

    private readonly Dictionary<string, byte[]> _loaded = [];

    private DejaVuFonts()
    {
        var missing = Files.Values.Where(file => !File.Exists(Path.Combine(Folder, file))).ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException(
                $"PDF invoices need the DejaVu fonts, missing in {Folder}: {string.Join(", ", missing)}. Install Debian's package: apt-get install fonts-dejavu-core");
        foreach (var (face, file) in Files)
            _loaded[face] = File.ReadAllBytes(Path.Combine(Folder, file));
    }

    /// <summary>Sets the resolver once per process (PDFsharp's setting is global and refuses a change once fonts were used).</summary>
    public static void Install()
    {
        lock (Installing)
        {
            if (_installed)
                return;
            GlobalFontSettings.FontResolver = new DejaVuFonts();
            _installed = true;
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new((bold, italic) switch
        {
            (true, true) => "DejaVuSans-BoldOblique",
            (true, false) => "DejaVuSans-Bold",
            (false, true) => "DejaVuSans-Oblique",
            _ => "DejaVuSans",
        });

    public byte[]? GetFont(string faceName) => _loaded.GetValueOrDefault(faceName);
}
