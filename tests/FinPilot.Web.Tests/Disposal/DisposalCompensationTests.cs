using FinPilot.Domain.Disposal;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Disposal;
using FinPilot.Web.Tests.Infrastructure;
using FinPilot.Web.Tests.Supervision;
using static FinPilot.Web.Tests.Disposal.DisposalTestKit;

namespace FinPilot.Web.Tests.Disposal;

/// <summary>Compensation against the promise: the case shows claims, payments and closures beside the arrangement the application promised.</summary>
public sealed class DisposalCompensationTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    private const string Promise = "设立五百万元风险补偿金，客户因试点业务受到的直接损失全额先行赔付。";

    [Theory, AllProviders]
    public async Task The_case_shows_the_compensation_totals_beside_the_arrangement_promised_in_the_application(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var projectId = await app.AdmittedPilotAsync($"补偿承诺 {Guid.NewGuid():N}"[..13]);
        await app.WriteApplicationAsync(projectId, f => f with { Compensation = "  " + Promise + "\n" });
        var opened = await app.OpenCaseAsync(projectId, DisposalLevel.III);
        Assert.Equal(Promise, opened.CompensationPromise);

        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        var first = await (await applicant.PostAsync($"{At(opened.Id)}/compensation", new DisposalApi.CompensationRequest { ClaimsReceived = 10, AmountPaid = 1200.50m, ClaimsClosed = 4, Version = opened.Version }))
            .ReadAsync<DisposalApi.CaseDto>();
        var second = await (await applicant.PostAsync($"{At(opened.Id)}/compensation", new DisposalApi.CompensationRequest { ClaimsReceived = 2, AmountPaid = 300m, ClaimsClosed = 3, Version = first.Version }))
            .ReadAsync<DisposalApi.CaseDto>();
        Assert.Equal((12, 1500.50m, 7, Promise), (second.ClaimsReceived, second.AmountPaid, second.ClaimsClosed, second.CompensationPromise));

        using var wg = await app.SignedInAsync(DemoUsers.WorkingGroupBeijing);
        var html = await (await wg.GetAsync($"/disposal/{opened.Id}")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"compensation-promise\"", html);
        Assert.Contains(Promise, html);
        Assert.Contains("data-testid=\"claims-open\">5<", html);
        Assert.Contains("1,500.50", html);
    }

    [Theory, AllProviders]
    public async Task A_case_whose_application_promised_nothing_says_so(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var projectId = await app.AdmittedPilotAsync($"无补偿承诺 {Guid.NewGuid():N}"[..14]);
        var opened = await app.OpenCaseAsync(projectId, DisposalLevel.III);
        Assert.Null(opened.CompensationPromise);

        using var wg = await app.SignedInAsync(DemoUsers.WorkingGroupBeijing);
        var html = await (await wg.GetAsync($"/disposal/{opened.Id}")).Content.ReadAsStringAsync();
        Assert.Contains("申请书未填写损失补偿安排。", html);
    }
}
