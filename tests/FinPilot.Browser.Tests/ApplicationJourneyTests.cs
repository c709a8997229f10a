using System.Text;
using FinPilot.Browser.Tests.Infrastructure;
using FinPilot.Browser.Tests.Pages;
using Microsoft.Playwright;

namespace FinPilot.Browser.Tests;

public sealed class ApplicationJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task An_application_is_submitted_returned_for_supplement_supplemented_and_accepted()
    {
        var applicant = await app.NewPageAsync();
        await new LoginPage(applicant).SignInAsync("applicant@demo.finpilot.cn");
        var form = new ApplicationPage(applicant);
        await form.StartAsync(await app.OpenBeijingCallAsync(), "多源数据投顾风险画像试点");
        var projectId = Guid.Parse(applicant.Url.Split('/')[^1].Split('?')[0]);

        // Submitting an empty draft lists what is missing and keeps the page.
        await form.SubmitAsync();
        await Assertions.Expect(form.MissingItems).ToBeVisibleAsync();

        await form.FillEverythingAsync();
        await form.SaveAsync();
        await form.UploadAsync("方案.pdf", Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"), "application/pdf");
        await Assertions.Expect(form.Attachments).ToContainTextAsync("方案.pdf");

        // The call's required materials are each answered by a labelled file before submission.
        await form.SubmitAsync();
        await Assertions.Expect(form.MissingItems).ToContainTextAsync("附件：投资者保护方案");
        await form.UploadMissingMaterialsAsync(Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"));
        await Assertions.Expect(form.MissingMaterials).ToHaveCountAsync(0);

        // Submitting is irreversible: without the confirmation the draft is saved and nothing is submitted.
        await applicant.Locator("#app-RiskAssessment").FillAsync("已建立风险评估与应急预案。");
        await form.SubmitUnconfirmedAsync();
        await Assertions.Expect(form.FormErrors).ToContainTextAsync("勾选确认");
        await Assertions.Expect(form.Stage).ToHaveTextAsync("草稿");
        await Assertions.Expect(applicant.Locator("#app-RiskAssessment")).ToHaveValueAsync("已建立风险评估与应急预案。");

        await form.SubmitAsync();
        await Assertions.Expect(form.Stage).ToHaveTextAsync("已提交");
        await Assertions.Expect(form.ReadOnly).ToContainTextAsync("智链数科技术有限公司");

        var workingGroup = await app.NewPageAsync();
        await new LoginPage(workingGroup).SignInAsync("wg.beijing@demo.finpilot.cn");
        var screening = new ScreeningPage(workingGroup);
        await screening.OpenAsync(projectId);
        await screening.StartAsync();
        await Assertions.Expect(screening.Stage).ToHaveTextAsync("形式审查中");
        await screening.ReturnForSupplementAsync("补充数据安全评估报告", 5);
        await Assertions.Expect(screening.Stage).ToHaveTextAsync("退回补正");

        await applicant.GotoAsync($"/applications/{projectId}");
        await Assertions.Expect(form.SupplementRequest).ToContainTextAsync("补充数据安全评估报告");
        await Assertions.Expect(form.Attachments).ToContainTextAsync("方案.pdf");
        await applicant.Locator("#app-RiskAssessment").FillAsync("补充：已完成数据安全评估。");
        await form.SubmitAsync();
        await Assertions.Expect(form.Stage).ToHaveTextAsync("已提交");

        await screening.OpenAsync(projectId);
        await screening.StartAsync();
        await screening.TickEverythingAsync();
        await screening.AcceptAsync();
        await Assertions.Expect(screening.Stage).ToHaveTextAsync("专业评估");
    }
}
