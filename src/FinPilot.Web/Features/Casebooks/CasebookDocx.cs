using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace FinPilot.Web.Features.Casebooks;

/// <summary>
/// The casebook as a DOCX (Open XML SDK), the same blocks as the PDF, set in Noto Sans SC by name with
/// Microsoft YaHei as its East Asian fallback (font table altName): the font is not embedded, so the file
/// stays small (the PDF, which embeds a subset, is the typeset record).
/// </summary>
public static class CasebookDocx
{
    /// <summary>The East Asian face Word uses where Noto Sans SC is not installed.</summary>
    public const string FallbackEastAsia = "Microsoft YaHei";

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
            DeclareFont(main);
            var body = new Body();
            foreach (var block in CasebookText.Blocks(model))
            {
                body.Append(Paragraph(block));
                if (block is { Kind: TextBlockKind.Chart, Metric: { } metric })
                {
                    body.Append(SeriesTable(metric));
                }
            }

            body.Append(new SectionProperties(new PageSize { Width = 11906U, Height = 16838U }, new PageMargin { Top = 1134, Bottom = 1134, Left = 1134U, Right = 1134U }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return output.ToArray();
    }

    /// <summary>
    /// The DOCX's form of a chart: the series by period in a small table (no image library in the project draws a PNG, and
    /// the PDF is the typeset record).
    /// </summary>
    private static Table SeriesTable(CaseMetric metric)
    {
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4, Color = "BFBFBF" },
            new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "BFBFBF" },
            new LeftBorder { Val = BorderValues.Single, Size = 4, Color = "BFBFBF" },
            new RightBorder { Val = BorderValues.Single, Size = 4, Color = "BFBFBF" },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "BFBFBF" },
            new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = "BFBFBF" });
        var table = new Table(new TableProperties(border, new TableWidth { Width = "2600", Type = TableWidthUnitValues.Pct }));
        var zh = CasebookText.Chinese;
        table.Append(Row(CasebookText.Label("Chart_Period", zh), CasebookText.Label("Chart_Value", zh), bold: true));
        var periods = metric.Periods is { } p && p.Count == metric.Series.Count ? p : null;
        for (var i = 0; i < metric.Series.Count; i++)
        {
            table.Append(Row(periods?[i] ?? (i + 1).ToString(CultureInfo.InvariantCulture), CasebookText.Number(metric.Series[i]), bold: false));
        }

        return table;
    }

    private static TableRow Row(string first, string second, bool bold) => new(Cell(first, bold), Cell(second, bold));

    private static TableCell Cell(string text, bool bold)
    {
        var properties = new RunProperties(
            new RunFonts { Ascii = CasebookFonts.Family, HighAnsi = CasebookFonts.Family, EastAsia = CasebookFonts.Family, Hint = FontTypeHintValues.EastAsia },
            new FontSize { Val = "18" });
        if (bold)
        {
            properties.Append(new Bold());
        }

        return new TableCell(new Paragraph(new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve })));
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
            TextBlockKind.Chart => (18, false, false),
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

    /// <summary>
    /// Names the font instead of embedding it (the whole 10.5 MB face would travel in every file): the
    /// font table gives Word the East Asian fallback to use where Noto Sans SC is not installed.
    /// </summary>
    private static void DeclareFont(MainDocumentPart main)
    {
        var table = main.AddNewPart<FontTablePart>();
        table.Fonts = new Fonts(
            new Font(
                new AltName { Val = FallbackEastAsia },
                new FontCharSet { Val = "86" },
                new FontFamily { Val = FontFamilyValues.Swiss })
            { Name = CasebookFonts.Family },
            new Font(
                new FontCharSet { Val = "86" },
                new FontFamily { Val = FontFamilyValues.Swiss })
            { Name = FallbackEastAsia });
        table.Fonts.Save();
    }
}
