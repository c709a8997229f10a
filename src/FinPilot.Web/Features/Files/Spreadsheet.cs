using ClosedXML.Excel;

namespace FinPilot.Web.Features.Files;

/// <summary>A list as a one-sheet workbook: a bold header row, then one row per item, as the lists' XLSX exports share.</summary>
public static class Spreadsheet
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] OneSheet(string sheetName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet(sheetName);
        for (var c = 0; c < headers.Count; c++)
        {
            sheet.Cell(1, c + 1).Value = headers[c];
        }

        sheet.Row(1).Style.Font.Bold = true;
        sheet.SheetView.FreezeRows(1);
        var r = 2;
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Count; c++)
            {
                sheet.Cell(r, c + 1).Value = row[c];
            }

            r++;
        }

        // Widths are set, not measured: measuring text needs System.Drawing, which Linux hosts lack.
        for (var c = 0; c < headers.Count; c++)
        {
            sheet.Column(c + 1).Width = c == 0 ? 40 : Math.Clamp(headers[c].Length * 2 + 6, 12, 40);
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }
}
