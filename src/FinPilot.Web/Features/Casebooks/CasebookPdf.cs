using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace FinPilot.Web.Features.Casebooks;

/// <summary>
/// The casebook as a PDF (PDFsharp 6.2, MIT), typeset in the embedded CJK font from the public model
/// alone. Runs of plain ASCII (names, numbers, hashes) are written in the font's WinAnsi encoding and
/// the rest in its Unicode (Identity-H) encoding; lines break between CJK characters and at spaces.
/// </summary>
public static class CasebookPdf
{
    private const double Margin = 56;
    private const double BodySize = 10.5;

    public static byte[] Render(CasebookModel model, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(model);
        CasebookFonts.EnsureResolver();
        using var document = new PdfDocument();
        document.Info.Title = model.Title.Zh;
        document.Info.Subject = model.Period;
        document.Info.Creator = "FinPilot";
        document.Info.CreationDate = at.UtcDateTime;
        var writer = new Writer(document);
        foreach (var block in CasebookText.Blocks(model))
        {
            writer.Write(block);
        }

        writer.Finish();
        using var output = new MemoryStream();
        document.Save(output, false);
        return output.ToArray();
    }

    private sealed class Writer
    {
        private readonly PdfDocument _document;
        private readonly Dictionary<(double Size, bool Bold, bool Ansi), XFont> _fonts = [];
        private XGraphics? _graphics;
        private PdfPage? _page;
        private double _y;

        public Writer(PdfDocument document) => _document = document;

        public void Write(TextBlock block)
        {
            if (block is { Kind: TextBlockKind.Chart, Metric: { } metric })
            {
                Chart(block.Text, metric);
                return;
            }

            var (size, bold, before, after) = block.Kind switch
            {
                TextBlockKind.Title => (20.0, true, 0.0, 10.0),
                TextBlockKind.Subtitle => (12.0, false, 0.0, 8.0),
                TextBlockKind.CaseHeading => (15.0, true, 18.0, 8.0),
                TextBlockKind.Heading => (11.5, true, 8.0, 4.0),
                TextBlockKind.Note => (8.5, false, 0.0, 4.0),
                _ => (BodySize, false, 0.0, 5.0),
            };
            if (block.Kind == TextBlockKind.CaseHeading && _page is not null && _y > Top + 1)
            {
                NewPage();
            }

            _y += before;
            foreach (var line in Wrap(block.Text, size, bold))
            {
                if (_graphics is null || _y + size * 1.5 > _page!.Height.Point - Margin)
                {
                    NewPage();
                }

                var x = Margin;
                foreach (var (run, ansi) in Runs(line))
                {
                    var font = Font(size, bold, ansi);
                    _graphics!.DrawString(run, font, XBrushes.Black, new XPoint(x, _y + size));
                    x += _graphics.MeasureString(run, font).Width;
                }

                _y += size * 1.5;
            }

            _y += after;
        }

        /// <summary>
        /// A small line chart of one series, drawn with XGraphics: the caption, a frame with the lowest and highest values on
        /// the left, the first and last periods below, and the series as a line with a dot per value.
        /// </summary>
        private void Chart(string caption, CaseMetric metric)
        {
            const double captionSize = 9.0;
            const double height = 72;
            const double width = 300;
            const double labelWidth = 44;
            var needed = captionSize * 1.5 + height + 16 + 8;
            if (_graphics is null || _y + needed > _page!.Height.Point - Margin)
            {
                NewPage();
            }

            var g = _graphics!;
            _y += 2;
            var x = Margin;
            foreach (var (run, ansi) in Runs(caption))
            {
                var font = Font(captionSize, false, ansi);
                g.DrawString(run, font, XBrushes.DimGray, new XPoint(x, _y + captionSize));
                x += g.MeasureString(run, font).Width;
            }

            _y += captionSize * 1.5;
            var left = Margin + labelWidth;
            var top = _y;
            var bottom = _y + height;
            var values = metric.Series;
            var min = values.Min();
            var max = values.Max();
            var span = max == min ? 1m : max - min;
            var frame = new XPen(XColors.LightGray, 0.6);
            g.DrawLine(frame, left, top, left, bottom);
            g.DrawLine(frame, left, bottom, left + width, bottom);
            g.DrawLine(frame, left, top, left + width, top);
            var small = Font(7, false, true);
            g.DrawString(CasebookText.Number(max), small, XBrushes.Gray, new XPoint(Margin, top + 7));
            g.DrawString(CasebookText.Number(min), small, XBrushes.Gray, new XPoint(Margin, bottom));
            var points = values.Select((v, i) => new XPoint(
                left + (values.Count == 1 ? width / 2 : width * i / (values.Count - 1)),
                bottom - (double)((v - min) / span) * (height - 8) - 4)).ToArray();
            g.DrawLines(new XPen(XColor.FromArgb(0xC8, 0x10, 0x2E), 1.2), points);
            foreach (var point in points)
            {
                g.DrawEllipse(new XSolidBrush(XColor.FromArgb(0xC8, 0x10, 0x2E)), point.X - 1.5, point.Y - 1.5, 3, 3);
            }

            if (metric.Periods is { Count: > 0 } periods && periods.Count == values.Count)
            {
                g.DrawString(periods[0], small, XBrushes.Gray, new XPoint(left, bottom + 10));
                var last = periods[^1];
                g.DrawString(last, small, XBrushes.Gray, new XPoint(left + width - g.MeasureString(last, small).Width, bottom + 10));
            }

            _y = bottom + 16 + 8;
        }

        public void Finish()
        {
            if (_graphics is null)
            {
                NewPage();
            }

            _graphics?.Dispose();
        }

        private static double Top => Margin;

        private void NewPage()
        {
            _graphics?.Dispose();
            _page = _document.AddPage();
            _page.Size = PdfSharp.PageSize.A4;
            _graphics = XGraphics.FromPdfPage(_page);
            _y = Top;
            var number = _document.PageCount.ToString(CultureInfo.InvariantCulture);
            _graphics.DrawString(number, Font(8, false, true), XBrushes.Gray, new XPoint(_page.Width.Point / 2, _page.Height.Point - Margin / 2));
        }

        private XFont Font(double size, bool bold, bool ansi)
        {
            if (!_fonts.TryGetValue((size, bold, ansi), out var font))
            {
                font = new XFont(CasebookFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular,
                    new XPdfFontOptions(ansi ? PdfFontEncoding.WinAnsi : PdfFontEncoding.Unicode));
                _fonts[(size, bold, ansi)] = font;
            }

            return font;
        }

        /// <summary>Greedy lines: a word of ASCII stays whole, CJK may break between any two characters.</summary>
        private List<string> Wrap(string text, double size, bool bold)
        {
            var width = PdfSharp.PageSizeConverter.ToSize(PdfSharp.PageSize.A4).Width - 2 * Margin;
            var measure = _graphics ?? XGraphics.CreateMeasureContext(new XSize(1000, 1000), XGraphicsUnit.Point, XPageDirection.Downwards);
            var lines = new List<string>();
            foreach (var paragraph in text.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n'))
            {
                var line = new System.Text.StringBuilder();
                double used = 0;
                foreach (var token in Tokens(paragraph))
                {
                    var tokenWidth = Runs(token).Sum(r => measure.MeasureString(r.Text, Font(size, bold, r.Ansi)).Width);
                    if (used + tokenWidth > width && line.Length > 0)
                    {
                        lines.Add(line.ToString().TrimEnd());
                        line.Clear();
                        used = 0;
                        if (token == " ")
                        {
                            continue;
                        }
                    }

                    line.Append(token);
                    used += tokenWidth;
                }

                lines.Add(line.ToString().TrimEnd());
            }

            return lines;
        }

        private static IEnumerable<string> Tokens(string text)
        {
            var word = new System.Text.StringBuilder();
            foreach (var ch in text)
            {
                if (ch < 128 && ch != ' ')
                {
                    word.Append(ch);
                    continue;
                }

                if (word.Length > 0)
                {
                    yield return word.ToString();
                    word.Clear();
                }

                yield return ch.ToString();
            }

            if (word.Length > 0)
            {
                yield return word.ToString();
            }
        }

        private static IEnumerable<(string Text, bool Ansi)> Runs(string line)
        {
            var start = 0;
            for (var i = 1; i <= line.Length; i++)
            {
                if (i == line.Length || (line[i] < 128) != (line[start] < 128))
                {
                    if (i > start)
                    {
                        yield return (line[start..i], line[start] < 128);
                    }

                    start = i;
                }
            }
        }
    }
}
