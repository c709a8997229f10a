using FinPilot.Web.Features.Applications;
using FinPilot.Web.Features.Calls;
using FinPilot.Web.Features.Disclosure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace FinPilot.Web.Tests.Security;

/// <summary>What other people type or upload, as it is stored: announcements, file names, addresses.</summary>
public sealed class StoredInputTests
{
    [Fact]
    public void An_announcement_keeps_text_lists_tables_and_links_and_loses_forms_and_fields()
    {
        const string pasted = """
            <h2>申报须知</h2><p><strong>截止</strong>日期 <em>见下</em></p>
            <ul><li>一</li></ul><ol><li>二</li></ol>
            <table><thead><tr><th>项</th></tr></thead><tbody><tr><td>值</td></tr></tbody></table>
            <p><a href="https://www.csrc.gov.cn/">证监会</a> <a href="mailto:wg@example.cn">联系</a></p>
            <form action="https://evil.example/steal" method="post">
              <label>密码</label><input type="password" name="p"><select name="s"><option>1</option></select>
              <textarea name="t">x</textarea><button type="submit">登录</button>
            </form>
            <fieldset><legend>l</legend></fieldset><iframe src="https://evil.example"></iframe><img src="x.png"><script>alert(1)</script>
            """;

        var kept = new CallHtml().Sanitise(pasted);

        foreach (var tag in new[] { "<h2>", "<strong>", "<em>", "<ul>", "<ol>", "<li>", "<table>", "<th>", "<td>", "href=\"https://www.csrc.gov.cn/\"", "href=\"mailto:wg@example.cn\"" })
        {
            Assert.Contains(tag, kept, StringComparison.Ordinal);
        }

        foreach (var tag in new[] { "<form", "<input", "<select", "<option", "<textarea", "<button", "<label", "<fieldset", "<iframe", "<img", "<script", "evil.example" })
        {
            Assert.DoesNotContain(tag, kept, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData("invoice\u202Efdp.exe", "invoicefdp.exe")]
    [InlineData("\u2066report\u2069\u200B.pdf", "report.pdf")]
    [InlineData("a\u200Db\u200Ec\u200Fd\uFEFF.txt", "abcd.txt")]
    [InlineData("line\u2028break\u2029.docx", "linebreak.docx")]
    [InlineData("tab\tnew\nline\u0085.xlsx", "tabnewline.xlsx")]
    [InlineData("tag\U000E0041s.pdf", "tags.pdf")]
    [InlineData("计划书（终稿）.pdf", "计划书（终稿）.pdf")]
    [InlineData("\u202E\u200B", "attachment")]
    public void Stored_file_names_lose_direction_overrides_and_other_invisible_characters(string uploaded, string stored)
    {
        var attachment = Attachment.Create(Guid.NewGuid(), 1, uploaded, "application/pdf", 10, new string('0', 64), DateTimeOffset.UtcNow, "user");

        Assert.Equal(stored, attachment.FileName);
    }

    [Fact]
    public void Address_hashes_are_keyed_with_the_server_secret()
    {
        var secret = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        var configured = Key(secret);
        var sameSecret = Key(secret);
        var otherSecret = Key(Convert.ToBase64String(new byte[32]));
        var unconfigured = Key(null);

        var plain = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("finpilot-public:192.0.2.1")));
        Assert.NotEqual(plain, configured.For("192.0.2.1"));
        Assert.Equal(configured.For("192.0.2.1"), sameSecret.For("192.0.2.1"));
        Assert.NotEqual(configured.For("192.0.2.1"), configured.For("192.0.2.2"));
        Assert.NotEqual(configured.For("192.0.2.1"), otherSecret.For("192.0.2.1"));
        Assert.NotEqual(configured.For("192.0.2.1"), unconfigured.For("192.0.2.1"));
        Assert.Throws<InvalidOperationException>(() => Key(Convert.ToBase64String(new byte[8])));
        Assert.Throws<InvalidOperationException>(() => Key("not base64!"));
    }

    private static ClientAddressKey Key(string? secret) =>
        new(
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [ClientAddressKey.Setting] = secret }).Build(),
            new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = Environments.Production },
            NullLogger<ClientAddressKey>.Instance);
}
