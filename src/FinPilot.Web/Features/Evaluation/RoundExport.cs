using ClosedXML.Excel;
using FinPilot.Domain.Common;
using FinPilot.Domain.Evaluation;
using FinPilot.Web.Features.Applications.Pages;
using FinPilot.Web.Features.Audit;
using FinPilot.Web.Resources;

namespace FinPilot.Web.Features.Evaluation;

/// <summary>The round as a workbook: the ranking with aggregates, every submitted sheet, and the experts' leniency.</summary>
public sealed class RoundExport(RoundReader reader, AuditLog audit, Data.FinPilotDbContext db)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public async Task<Result<byte[]>> ExportAsync(Guid roundId, CancellationToken cancellationToken = default)
    {
        var found = await reader.SummaryAsync(roundId, cancellationToken);
        if (!found.Succeeded)
        {
            return Result<byte[]>.Fail([.. found.Errors]);
        }

        var summary = found.Value;
        var report = new List<ProjectReport>();
        foreach (var project in summary.Projects)
        {
            report.Add((await reader.ReportAsync(roundId, project.ProjectId, cancellationToken)).ValueOrThrow());
        }

        using var workbook = new XLWorkbook();
        WriteRanking(workbook.AddWorksheet(EvaluationStrings.Export_Ranking), summary);
        WriteSheets(workbook.AddWorksheet(EvaluationStrings.Export_Sheets), report);
        WriteExperts(workbook.AddWorksheet(EvaluationStrings.Export_Experts), summary);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        audit.Record(AuditLines.EvaluationRound(AuditActions.RoundExported, roundId, summary.Round.RegionId));
        await db.SaveChangesAsync(cancellationToken);
        return stream.ToArray();
    }

    private static void WriteRanking(IXLWorksheet sheet, RoundSummary summary)
    {
        var headers = new List<string> { EvaluationStrings.Summary_Category, EvaluationStrings.Summary_Rank, EvaluationStrings.Summary_Project, EvaluationStrings.Summary_Sheets };
        headers.AddRange(EvaluationValues.Dimensions.Select(d => EvaluationText.Of(d) + " " + EvaluationStrings.Summary_Mean));
        headers.AddRange(EvaluationValues.Dimensions.Select(d => EvaluationText.Of(d) + " " + EvaluationStrings.Summary_Spread));
        headers.AddRange([EvaluationStrings.Summary_Weighted, EvaluationStrings.Summary_Calibrated, EvaluationStrings.Summary_Flags, EvaluationStrings.Summary_Consensus]);
        Header(sheet, headers);
        var row = 2;
        foreach (var p in summary.Projects)
        {
            var column = 1;
            sheet.Cell(row, column++).Value = ApplicationFieldNames.Of(p.Category);
            sheet.Cell(row, column++).Value = p.Rank;
            sheet.Cell(row, column++).Value = p.Title;
            sheet.Cell(row, column++).Value = p.Aggregate.SheetCount;
            foreach (var d in EvaluationValues.Dimensions)
            {
                sheet.Cell(row, column++).Value = Math.Round(p.Aggregate.Dimensions.Single(x => x.Dimension == d).Mean, 2);
            }

            foreach (var d in EvaluationValues.Dimensions)
            {
                sheet.Cell(row, column++).Value = Math.Round(p.Aggregate.Dimensions.Single(x => x.Dimension == d).StandardDeviation, 2);
            }

            sheet.Cell(row, column++).Value = Math.Round(p.Aggregate.WeightedTotal, 2);
            sheet.Cell(row, column++).Value = Math.Round(p.Aggregate.CalibratedTotal, 2);
            sheet.Cell(row, column++).Value = string.Join("; ", p.Aggregate.Flags.Select(EvaluationText.Of));
            sheet.Cell(row, column).Value = p.Consensus?.Outcome ?? string.Empty;
            row++;
        }
    }

    private static void WriteSheets(IXLWorksheet sheet, IReadOnlyList<ProjectReport> reports)
    {
        var headers = new List<string> { EvaluationStrings.Summary_Project, EvaluationStrings.Report_Expert, EvaluationStrings.Report_Domains };
        foreach (var d in EvaluationValues.Dimensions)
        {
            headers.Add(EvaluationText.Of(d));
            headers.Add(EvaluationText.Of(d) + " " + EvaluationStrings.Report_Comment);
        }

        headers.AddRange([EvaluationStrings.Report_Recommendation, EvaluationStrings.Report_Conditions, EvaluationStrings.Report_SubmittedAt]);
        Header(sheet, headers);
        var row = 2;
        foreach (var report in reports)
        {
            foreach (var s in report.Sheets)
            {
                var form = s.Assignment.Sheet;
                var column = 1;
                sheet.Cell(row, column++).Value = report.Project.Project.Title;
                sheet.Cell(row, column++).Value = s.ExpertName;
                sheet.Cell(row, column++).Value = EvaluationText.Domains(s.Domains);
                foreach (var d in EvaluationValues.Dimensions)
                {
                    var score = form.Scores.SingleOrDefault(x => x.Dimension == d);
                    sheet.Cell(row, column++).Value = score?.Score is { } value ? (object)value : string.Empty;
                    sheet.Cell(row, column++).Value = score?.Comment ?? string.Empty;
                }

                sheet.Cell(row, column++).Value = form.Recommendation is { } r ? EvaluationText.Of(r) : string.Empty;
                sheet.Cell(row, column++).Value = form.Conditions ?? string.Empty;
                sheet.Cell(row, column).Value = s.Assignment.SubmittedAt is { } at ? Domain.Calendar.ChinaTime.Format(at) : string.Empty;
                row++;
            }
        }
    }

    private static void WriteExperts(IXLWorksheet sheet, RoundSummary summary)
    {
        Header(sheet, [EvaluationStrings.Report_Expert, EvaluationStrings.Summary_Sheets, EvaluationStrings.Summary_Bias, EvaluationStrings.Summary_Deviates]);
        var row = 2;
        foreach (var e in summary.Experts)
        {
            sheet.Cell(row, 1).Value = summary.ExpertNames.GetValueOrDefault(e.ExpertId) ?? e.ExpertId;
            sheet.Cell(row, 2).Value = e.SheetCount;
            sheet.Cell(row, 3).Value = Math.Round(e.Bias, 2);
            sheet.Cell(row, 4).Value = e.Deviates ? EvaluationStrings.Yes : string.Empty;
            row++;
        }
    }

    private static void Header(IXLWorksheet sheet, IReadOnlyList<string> headers)
    {
        for (var i = 0; i < headers.Count; i++)
        {
            sheet.Cell(1, i + 1).Value = headers[i];

            // Widths are set, not measured: measuring text needs System.Drawing, which Linux hosts lack.
            sheet.Column(i + 1).Width = Math.Clamp(headers[i].Length * 2 + 4, 10, 40);
        }

        sheet.Row(1).Style.Font.Bold = true;
        sheet.SheetView.FreezeRows(1);
    }
}
