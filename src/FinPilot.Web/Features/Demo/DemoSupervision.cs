using FinPilot.Domain.Calendar;
using FinPilot.Domain.Incidents;
using FinPilot.Domain.Metrics;
using FinPilot.Domain.Obligations;
using FinPilot.Domain.Projects;
using FinPilot.Domain.Supervision;
using FinPilot.Domain.Supervision.Reports;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Calendar;
using FinPilot.Web.Features.Incidents;
using FinPilot.Web.Features.Obligations;
using FinPilot.Web.Features.Supervision;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Demo;

/// <summary>
/// Beijing's 2021 pilots under supervision for their year (2021-12-30 to 2022-12-29): plans confirmed
/// in January 2022, a monthly report per period submitted and accepted on its real dates, and the
/// metric series their institutions' systems sent. The story the working group finds: the blockchain
/// pilot passes its 500-customer cap in its eleventh month, the AI advisory pilot never sent its last
/// report, had a serious outage in July 2022 and its status page does not answer, and all three ran past
/// their approved end date.
/// </summary>
/// <remarks>
/// Samples are written as machine submissions of a demo API client and the metric listeners (the risk
/// rules) are told of them, as the ingestion endpoint would; the obligation clock and the other jobs
/// then raise what is overdue or failing on their own.
/// </remarks>
internal sealed class DemoSupervision(
    FinPilotDbContext db, WorkingCalendarProvider calendars, IEnumerable<IMetricSampleListener> listeners, IEnumerable<IIncidentListener> incidentListeners,
    TimeProvider clock, ILogger logger)
{
    private const string Actor = "demo-seed";

    /// <summary>The pilot whose status page is probed and fails (a host that never resolves).</summary>
    public const string FailingEndpoint = "https://status.jinghua-advisory.invalid/health";

    private static DateTimeOffset At(DateOnly day, int hour) => ChinaTime.StartOfDay(day).AddHours(hour);

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var beijing = await db.Regions.SingleAsync(r => r.Code == "BJ", cancellationToken);
        var projects = await db.Projects
            .Where(p => p.RegionId == beijing.Id && p.Stage == ProjectStage.Running && p.StartsOn == new DateOnly(2021, 12, 30))
            .OrderBy(p => p.Id).ToListAsync(cancellationToken);
        if (projects.Count == 0 || await db.SupervisionPlans.AnyAsync(s => projects.Select(p => p.Id).Contains(s.ProjectId) && s.Revision > 0, cancellationToken))
        {
            return;
        }

        var calendar = await calendars.GetAsync(cancellationToken);
        var officer = await db.Users.Where(u => u.Email == $"wg.beijing@{DemoData.DemoDomain}").Select(u => u.Id).SingleOrDefaultAsync(cancellationToken) ?? Actor;
        var book = new ObligationBook(db, clock);
        var told = new List<(Guid Project, List<MetricSample> Samples)>();
        foreach (var project in projects)
        {
            var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == project.LeadOrganisationId, cancellationToken);
            var advisory = project.Category is ProjectCategory.TechnologyInnovation or ProjectCategory.TechnologyEnablement;
            var breaching = !advisory && project.Title.Contains("区块链", StringComparison.Ordinal);
            var plan = await db.SupervisionPlans.SingleOrDefaultAsync(s => s.ProjectId == project.Id, cancellationToken);
            if (plan is null)
            {
                plan = SupervisionPlan.Draft(project, SupervisionDefaults.For(project, "北京地区，限定业务品种。"), At(new DateOnly(2021, 12, 30), 12)).ValueOrThrow();
                db.SupervisionPlans.Add(plan);
            }

            var terms = plan.Terms with
            {
                Endpoints = advisory ? [new ProbeEndpoint { Url = FailingEndpoint, IntervalMinutes = 5, TimeoutSeconds = 5, FailuresBeforeAlert = 3 }] : [],
            };
            plan.Confirm(terms, At(new DateOnly(2022, 1, 6), 15), officer).OrThrow();
            db.SupervisionPlanRevisions.Add(SupervisionPlanRevision.Of(plan, "依据入箱批复的测试参数确认监管方案。"));

            var (client, _) = ApiClient.Create(organisation.Id, "运行数据报送接口", ApiClient.MaxLifetimeDays, At(new DateOnly(2022, 1, 4), 10), Actor).ValueOrThrow();
            db.ApiClients.Add(client);
            var source = $"urn:finpilot-demo:{organisation.CreditCode}";
            var samples = new List<MetricSample>();
            var periods = ReportPeriod.Of(plan.Terms.Parameters, plan.Terms.ReportFrequency);
            for (var i = 0; i < periods.Count; i++)
            {
                var period = periods[i];
                var sent = At(calendar.AddWorkingDays(period.End, 2), 2);
                samples.AddRange(Series(plan.Terms, i, breaching).Select(v =>
                    MetricSample.Record(project.Id, v.Code, period.Start, period.End, v.Value, At(period.End, 23), sent, source, $"{v.Code}-{period.Subject}", client.Id)));

                var due = ObligationRules.ReportDue(period.End, plan.Terms.ReportFrequency, calendar);
                var obligation = await book.EnsureAsync(new ObligationDraft(project.Id, project.RegionId, project.LeadOrganisationId, ObligationKind.PeriodicReport, period.Subject, due), cancellationToken);

                // The AI advisory pilot never sent its last report: the obligation clock finds it overdue.
                if (advisory && i == periods.Count - 1)
                {
                    continue;
                }

                var opened = At(calendar.AddWorkingDays(period.End, 3), 10);
                var report = PeriodicReport.Open(plan, period, opened, Actor).ValueOrThrow();
                var customers = (int)Series(plan.Terms, i, breaching).First(v => v.Code == MetricCodes.Customers).Value;
                report.Update(Content(period, customers, i), new HashSet<string>(), opened).OrThrow();
                var submitted = At(calendar.AddWorkingDays(period.End, 6), 16);
                report.Submit(new HashSet<string>(), submitted, Actor).OrThrow();
                report.Accept(i == 11 && breaching ? "客户数已超过批复上限，请说明原因并提出整改措施。" : "已审阅，无异议。", At(calendar.AddWorkingDays(period.End, 8), 11), officer).OrThrow();
                obligation.Fulfil(submitted, Actor).OrThrow();
                db.PeriodicReports.Add(report);
            }

            db.MetricSamples.AddRange(samples);
            told.Add((project.Id, samples));
            if (advisory)
            {
                db.Incidents.Add(await Outage(project, book));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var incident in db.Incidents.Local)
        {
            foreach (var listener in incidentListeners)
            {
                try
                {
                    await listener.IncidentReportedAsync(
                        new ReportedIncident(incident.Id, incident.ProjectId, incident.RegionId, (int)incident.Severity, incident.Severe, incident.DetectedAt, incident.ReportedAt), cancellationToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogError(exception, "An incident listener failed on the demo incident {Incident}.", incident.Id);
                }
            }
        }

        foreach (var (project, samples) in told)
        {
            foreach (var listener in listeners)
            {
                try
                {
                    await listener.SamplesAcceptedAsync(project, samples, cancellationToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogError(exception, "A metric listener failed on the demo series of project {Project}.", project);
                }
            }
        }
    }

    /// <summary>
    /// One month's values: customers grow by about 40 a month (past the cap of 500 in month 11 when
    /// <paramref name="breaching"/>), availability stays above its floor, one complaint a month.
    /// </summary>
    private static IEnumerable<(string Code, double Value)> Series(SupervisionTerms terms, int month, bool breaching)
    {
        var customers = breaching ? Math.Min(60 + (month * 42), 540) : 35 + (month * 28);
        foreach (var metric in terms.Metrics)
        {
            yield return metric.Code switch
            {
                MetricCodes.Customers => (metric.Code, customers),
                MetricCodes.Transactions => (metric.Code, customers * 6 + (month * 13)),
                MetricCodes.TransactionAmount => (metric.Code, customers * 18_500.0),
                MetricCodes.MaxAmountPerCustomer => (metric.Code, 120_000 + (month * 3_000)),
                MetricCodes.Availability => (metric.Code, month % 5 == 3 ? 99.62 : 99.95),
                MetricCodes.Complaints => (metric.Code, 1),
                MetricCodes.ComplaintsResolved => (metric.Code, 1),
                MetricCodes.ServiceCalls => (metric.Code, customers * 140.0),
                MetricCodes.Latency => (metric.Code, 420 + ((month % 3) * 35)),
                _ => (metric.Code, 0),
            };
        }
    }

    /// <summary>
    /// A severe (II) outage of the advisory service in July 2022, reported three hours after it was
    /// detected (within the 24 hours a severe incident allows), so its report obligation is met.
    /// </summary>
    private static async Task<Incident> Outage(PilotProject project, ObligationBook book)
    {
        var detected = new DateTimeOffset(2022, 7, 14, 9, 40, 0, TimeSpan.FromHours(8));
        var reported = detected.AddHours(3);
        var incident = Incident.Report(project, new IncidentInput
        {
            Title = "智能投顾服务中断约20分钟",
            Severity = IncidentSeverity.II,
            OccurredAt = detected.AddMinutes(-6),
            DetectedAt = detected,
            ResolvedAt = detected.AddMinutes(20),
            CustomersAffected = 126,
            AmountAffected = 0,
            Description = "主数据中心网络设备故障，投顾建议服务不可用约20分钟，期间未产生交易差错。",
            Measures = "切换至备用线路，逐一告知受影响客户，更换故障设备并开展全链路演练。",
        }, new IncidentPolicy(), reported, Actor).ValueOrThrow();
        var subject = incident.Id.ToString();
        var obligation = await book.EnsureAsync(
            new ObligationDraft(project.Id, project.RegionId, project.LeadOrganisationId, ObligationKind.IncidentReport, subject, incident.ReportDueAt ?? reported), CancellationToken.None);
        obligation.Fulfil(reported, Actor).OrThrow();
        return incident;
    }

    private static ReportContent Content(ReportPeriod period, int customers, int month) => new()
    {
        Progress = $"{period.Subject} 期间试点按测试方案平稳运行，累计服务客户 {customers} 户，系统运行稳定。",
        CustomersServed = customers,
        ComplaintsReceived = 1,
        ComplaintsResolved = 1,
        Incidents = month == 7 ? "7月中旬发生一次约20分钟的服务中断，已切换备用线路并向客户说明。" : "本期无事件。",
        RiskEvents = "本期未发现重大风险事件；持续开展适当性复核。",
        PlannedChanges = string.Empty,
        NextSteps = "继续按方案开展测试，按月报送运行数据。",
    };
}
