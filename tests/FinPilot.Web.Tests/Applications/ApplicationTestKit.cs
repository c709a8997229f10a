using System.Net.Http.Headers;
using FinPilot.Domain.Applications;
using FinPilot.Domain.Projects;
using FinPilot.Web.Features.Applications;
using FinPilot.Web.Tests.Calls;
using FinPilot.Web.Tests.Infrastructure;

namespace FinPilot.Web.Tests.Applications;

/// <summary>Shortcuts for the application tests: an open call of their own, a complete form, uploads.</summary>
internal static class ApplicationTestKit
{
    public static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"u8.ToArray();

    public static ApplicationForm CompleteForm(string name) => new()
    {
        Name = name,
        Summary = "以隐私计算打通多源数据，为投顾业务提供穿透式风险画像。",
        Category = ProjectCategory.TechnologyInnovation,
        Scenarios = ["investment-advice"],
        Technologies = ["privacy-computing"],
        Innovation = "创新点",
        Problem = "解决的问题",
        RegulatoryQuestion = "监管启发",
        RiskAssessment = "风险评估",
        RiskControls = "风险控制",
        CustomerSelection = "客户选择",
        CustomerCaps = "客户上限",
        CustomerDisclosure = "信息披露",
        Complaints = "投诉处理",
        Compensation = "补偿安排",
        TestScope = "测试范围",
        CustomerLimit = 500,
        DurationMonths = 12,
        Metrics = "报送指标",
        EmergencyPlan = "应急预案",
        ExitPlan = "退出方案",
    };

    /// <summary>A Beijing call of this test's own, published by the Beijing working group and open now.</summary>
    public static async Task<Guid> OpenBeijingCallAsync(this FinPilotApp app, string title) =>
        (await app.PublishedAsync(DemoUsers.WorkingGroupBeijing, "BJ", title)).Id;

    public static async Task<ApplicationsApi.ProjectDto> StartAsync(this HttpClient applicant, Guid callId, string title) =>
        await (await applicant.PostAsync("/api/v1/applications", new ApplicationsApi.StartRequest(callId, title, ProjectCategory.TechnologyInnovation)))
            .ReadAsync<ApplicationsApi.ProjectDto>(System.Net.HttpStatusCode.Created);

    public static async Task<ApplicationsApi.ApplicationDto> GetApplicationAsync(this HttpClient client, Guid id) =>
        await (await client.GetAsync($"/api/v1/applications/{id}")).ReadAsync<ApplicationsApi.ApplicationDto>();

    public static async Task<ApplicationsApi.ApplicationDto> SaveAsync(this HttpClient applicant, Guid id, ApplicationForm form)
    {
        var current = await applicant.GetApplicationAsync(id);
        return await (await applicant.PutAsync($"/api/v1/applications/{id}", new ApplicationsApi.SaveRequest(form, current.Concurrency)))
            .ReadAsync<ApplicationsApi.ApplicationDto>();
    }

    public static Task<HttpResponseMessage> UploadAsync(this HttpClient client, Guid id, string fileName, byte[] bytes, string? material = null)
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "file", fileName);
        if (material is not null)
        {
            content.Add(new StringContent(material), "material");
        }

        return client.PostAsync($"/api/v1/applications/{id}/attachments", content);
    }

    /// <summary>A PDF for each material the kit's calls require (<see cref="CallTestKit.Materials"/>), so the application may be submitted.</summary>
    public static async Task UploadMaterialsAsync(this HttpClient applicant, Guid id)
    {
        foreach (var material in CallTestKit.Materials)
        {
            (await applicant.UploadAsync(id, material + ".pdf", Pdf, material)).EnsureSuccessStatusCode();
        }
    }

    /// <summary>Started, filled in, with a PDF for each required material and submitted.</summary>
    public static async Task<Guid> SubmittedAsync(this FinPilotApp app, HttpClient applicant, string title)
    {
        var project = await applicant.StartAsync(await app.OpenBeijingCallAsync(title + " 征集"), title);
        await applicant.SaveAsync(project.Id, CompleteForm(title));
        await applicant.UploadMaterialsAsync(project.Id);
        await (await applicant.PostAsync($"/api/v1/applications/{project.Id}/submit", new { })).AssertStatusAsync(System.Net.HttpStatusCode.OK);
        return project.Id;
    }
}
