using PdfSharp.Fonts;

namespace FinPilot.Web.Features.Casebooks;

/// <summary>
/// The CJK font the casebook files are typeset in: Noto Sans SC Regular (SIL Open Font License 1.1,
/// Fonts/OFL.txt), shipped inside the assembly, never fetched at run time. It has TrueType (glyf)
/// outlines, which PDFsharp 6 needs; the PDF embeds a subset of the glyphs used; the DOCX names it (see CasebookDocx).
/// </summary>
public static class CasebookFonts
{
    public const string Family = "Noto Sans SC";
    private const string Resource = "FinPilot.Casebooks.NotoSansSC-Regular.ttf";
    private static readonly Lock Gate = new();
    private static readonly Lazy<byte[]> RegularBytes = new(Load);

    /// <summary>The font file's bytes.</summary>
    public static byte[] Regular => RegularBytes.Value;

    /// <summary>PDFsharp's font resolver is process-wide: set ours once, before the first PDF.</summary>
    public static void EnsureResolver()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not Resolver)
            {
                GlobalFontSettings.FontResolver = new Resolver();
            }
        }
    }

    private static byte[] Load()
    {
        using var stream = typeof(CasebookFonts).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The casebook font {Resource} is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Every family and style resolves to the one face; bold is simulated.</summary>
    private sealed class Resolver : IFontResolver
    {
        public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) => new(Family, bold, italic);

        public byte[] GetFont(string faceName) => Regular;
    }
}
