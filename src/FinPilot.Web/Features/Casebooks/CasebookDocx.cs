using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace FinPilot.Web.Features.Casebooks;

/// <summary>
/// The casebook as a DOCX (Open XML SDK), the same blocks as the PDF, set in the embedded CJK font:
/// the font travels inside the file (obfuscated as ECMA-376 §17.8.1 requires), so Word shows the
/// Chinese the same on a machine without it.
/// </summary>
public static class CasebookDocx
{
    public static byte[] Render(CasebookModel model, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var output = new MemoryStream();
        using (var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document))
        {
            document.PackageProperties.Title = model.Title.Zh;
            document.PackageProperties.Creator = "FinPilot";
            document.PackageProperties.Created = at.UtcDateTime;
            var main = document.AddMainDocumentPart();
            EmbedFont(main);
            var settings = main.AddNewPart<DocumentSettingsPart>();
            settings.Settings = new Settings(new EmbedTrueTypeFonts());
            var body = new Body();
            foreach (var block in CasebookText.Blocks(model))
            {
                body.Append(Paragraph(block));
            }

            body.Append(new SectionProperties(new PageSize { Width = 11906U, Height = 16838U }, new PageMargin { Top = 1134, Bottom = 1134, Left = 1134U, Right = 1134U }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return output.ToArray();
    }

    private static Paragraph Paragraph(TextBlock block)
    {
        var (size, bold, pageBreak) = block.Kind switch
        {
            TextBlockKind.Title => (40, true, false),
            TextBlockKind.Subtitle => (24, false, false),
            TextBlockKind.CaseHeading => (30, true, true),
            TextBlockKind.Heading => (23, true, false),
            TextBlockKind.Note => (17, false, false),
            _ => (21, false, false),
        };
        var properties = new RunProperties(
            new RunFonts { Ascii = CasebookFonts.Family, HighAnsi = CasebookFonts.Family, EastAsia = CasebookFonts.Family, Hint = FontTypeHintValues.EastAsia },
            new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) });
        if (bold)
        {
            properties.Append(new Bold());
        }

        var paragraph = new Paragraph();
        if (pageBreak)
        {
            paragraph.Append(new ParagraphProperties(new PageBreakBefore()));
        }

        paragraph.Append(new Run(properties, new Text(block.Text) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }

    private static void EmbedFont(MainDocumentPart main)
    {
        var table = main.AddNewPart<FontTablePart>();
        var part = table.AddFontPart(FontPartType.FontOdttf);
        var key = Guid.NewGuid();
        var keyText = key.ToString("N").ToUpperInvariant();
        var keyBytes = new byte[16];
        for (var i = 0; i < 16; i++)
        {
            // The key's bytes are read from the end of its hexadecimal text.
            keyBytes[i] = Convert.ToByte(keyText.Substring(30 - (2 * i), 2), 16);
        }

        var font = (byte[])CasebookFonts.Regular.Clone();
        for (var i = 0; i < 32; i++)
        {
            font[i] ^= keyBytes[i % 16];
        }

        using (var stream = new MemoryStream(font))
        {
            part.FeedData(stream);
        }

        table.Fonts = new Fonts(new Font(
            new FontCharSet { Val = "86" },
            new FontFamily { Val = FontFamilyValues.Swiss },
            new EmbedRegularFont { Id = table.GetIdOfPart(part), FontKey = "{" + key.ToString("D").ToUpperInvariant() + "}" })
        { Name = CasebookFonts.Family });
    }
}
