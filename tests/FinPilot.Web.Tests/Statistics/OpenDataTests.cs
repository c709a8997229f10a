using System.Net;
using System.Text;
using System.Text.Json;
using ClosedXML.Excel;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Statistics;
using FinPilot.Web.Tests.Calls;
using FinPilot.Web.Tests.Infrastructure;

namespace FinPilot.Web.Tests.Statistics;

/// <summary>The open datasets: only published items, stable columns, the same in CSV, XLSX and JSON.</summary>
public sealed class OpenDataTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task Open_data_holds_nothing_unpublished_in_any_format(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var world = await StatisticsWorld.CreateAsync(app);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var draftCall = await wg.CreateAsync(CallTestKit.Input(app, await app.RegionIdAsync("BJ"), $"未发布征集 {world.Tag}"));
        using var anonymous = app.Anonymous();

        var secrets = new[] { world.Unpublished.ToString(), world.DraftNotice.ToString(), draftCall.Id.ToString(), $"统计未公开 {world.Tag}", $"未发布征集 {world.Tag}" };
        var all = new StringBuilder();
        foreach (var dataset in OpenData.Dictionary.Keys)
        {
            foreach (var format in Enum.GetValues<OpenDataFormat>())
            {
                var text = await DownloadTextAsync(anonymous, dataset, format);
                Assert.All(secrets, secret => Assert.DoesNotContain(secret, text, StringComparison.Ordinal));
                all.Append(text);
            }
        }

        // The published ones are there, so the absence above means something.
        var published = all.ToString();
        Assert.Contains(world.Beijing[0].ToString(), published);
        Assert.Contains(world.BeijingCall.ToString(), published);
        Assert.Contains($"统计甲 {world.Tag}", published);
    }

    [Theory, AllProviders]
    public async Task The_columns_are_the_data_dictionarys_in_every_format(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var world = await StatisticsWorld.CreateAsync(app);
        using var anonymous = app.Anonymous();

        var fields = OpenData.Dictionary[OpenData.Register].Select(f => f.Name).ToList();
        var csv = await DownloadTextAsync(anonymous, OpenData.Register, OpenDataFormat.Csv);
        Assert.Equal(string.Join(',', fields), csv.Split("\r\n")[0]);
        var row = csv.Split("\r\n").Single(l => l.StartsWith(world.Beijing[1].ToString(), StringComparison.Ordinal)).Split(',');
        Assert.Equal("BJ", row[fields.IndexOf("region_code")]);
        Assert.Equal("Exited", row[fields.IndexOf("stage")]);

        using var json = JsonDocument.Parse(await DownloadTextAsync(anonymous, OpenData.Register, OpenDataFormat.Json));
        Assert.Equal(fields, json.RootElement.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
        var pilot = json.RootElement.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("project_id").GetString() == world.Shanghai[1].ToString());
        Assert.Equal("OnNotice", pilot.GetProperty("stage").GetString());
        Assert.Equal(JsonValueKind.Null, pilot.GetProperty("admitted_at").ValueKind);

        using var xlsx = await anonymous.GetAsync(StatisticsApi.DownloadPath(OpenData.Register, OpenDataFormat.Xlsx));
        using var workbook = new XLWorkbook(await xlsx.Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheet(OpenData.Register);
        Assert.Equal(fields, sheet.Row(1).CellsUsed().Select(c => c.GetString()));
        Assert.Equal(fields, workbook.Worksheet("dictionary").Column(1).CellsUsed().Skip(1).Select(c => c.GetString()));

        var datasets = await (await anonymous.GetAsync("/api/v1/statistics/datasets")).ReadAsync<List<StatisticsApi.DatasetDto>>();
        Assert.All(datasets, d => Assert.All(d.Fields, f => Assert.False(string.IsNullOrWhiteSpace(f.Meaning) || f.Meaning.StartsWith("Field_", StringComparison.Ordinal))));
    }

    [Theory, AllProviders]
    public async Task An_unknown_dataset_or_format_is_not_found_and_the_page_lists_every_download(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var anonymous = app.Anonymous();

        using var unknown = await anonymous.GetAsync("/api/v1/statistics/datasets/users.csv");
        await unknown.ReadProblemAsync(HttpStatusCode.NotFound);
        using var format = await anonymous.GetAsync("/api/v1/statistics/datasets/register.pdf");
        await format.ReadProblemAsync(HttpStatusCode.NotFound);
        using var number = await anonymous.GetAsync("/api/v1/statistics/datasets/register.1");
        await number.ReadProblemAsync(HttpStatusCode.NotFound);

        var html = await anonymous.GetStringAsync("/open-data");
        foreach (var dataset in OpenData.Dictionary.Keys)
        {
            foreach (var kind in Enum.GetValues<OpenDataFormat>())
            {
                Assert.Contains($"href=\"{StatisticsApi.DownloadPath(dataset, kind)[1..]}\"", html);
            }
        }
    }

    private static async Task<string> DownloadTextAsync(HttpClient client, string dataset, OpenDataFormat format)
    {
        using var response = await client.GetAsync(StatisticsApi.DownloadPath(dataset, format));
        await response.AssertStatusAsync(HttpStatusCode.OK);
        if (format != OpenDataFormat.Xlsx)
        {
            return (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF');
        }

        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        return string.Join('\n', workbook.Worksheets.SelectMany(s => s.CellsUsed()).Select(c => c.GetString()));
    }
}
