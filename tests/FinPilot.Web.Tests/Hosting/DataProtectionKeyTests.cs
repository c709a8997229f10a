using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FinPilot.Web.Data;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FinPilot.Web.Tests.Hosting;

/// <summary>
/// The data-protection keys in the database, with and without a certificate to encrypt them.
/// SQLite only: the key's XML is the same string on either provider, and the certificate is read
/// before any database is touched, so a PostgreSQL run would test nothing more.
/// </summary>
public sealed class DataProtectionKeyTests(PostgresServer postgres) : IDisposable
{
    private const string Password = "pfx#Secret-2026";

    private readonly string _directory = Directory.CreateTempSubdirectory("finpilot-dp-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task With_a_certificate_the_stored_keys_are_encrypted_and_another_node_can_read_them()
    {
        var certificate = WriteCertificate("node.pfx", withPrivateKey: true);
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, postgres);
        await using var app = new FinPilotApp(database, demoEnabled: true, WithCertificate(certificate, Password));

        await app.SignedInAsync(DemoUsers.Applicant);
        var protectedPayload = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("payload");

        var keys = await StoredKeysAsync(app);
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("<EncryptedData", xml);
            Assert.DoesNotContain("<masterKey", xml);
        });

        // A second node with the same certificate reads the key ring from the database: it must decrypt the stored key.
        await using var other = new FinPilotApp(database, demoEnabled: true, WithCertificate(certificate, Password));
        var unprotected = other.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedPayload);
        Assert.Equal("payload", unprotected);
        Assert.Equal(keys.Count, (await StoredKeysAsync(other)).Count);
    }

    [Fact]
    public async Task Without_a_certificate_the_stored_keys_are_plain()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, postgres);
        await using var app = new FinPilotApp(database, demoEnabled: true);

        await app.SignedInAsync(DemoUsers.Applicant);

        var keys = await StoredKeysAsync(app);
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("<masterKey", xml);
            Assert.DoesNotContain("<EncryptedData", xml);
        });
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("wrong password")]
    [InlineData("no private key")]
    [InlineData("not a certificate")]
    public async Task A_certificate_that_cannot_be_used_stops_the_host_with_the_setting_named(string problem)
    {
        var (path, password) = problem switch
        {
            "missing" => (Path.Combine(_directory, "missing.pfx"), Password),
            "wrong password" => (WriteCertificate("node.pfx", withPrivateKey: true), "not-the-password"),
            "no private key" => (WriteCertificate("public.pfx", withPrivateKey: false), Password),
            _ => (WriteText("junk.pfx", "not a certificate"), Password),
        };
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, postgres);
        await using var app = new FinPilotApp(database, demoEnabled: true, WithCertificate(path, password));

        var error = Assert.ThrowsAny<Exception>(() => app.Services);

        var messages = string.Join(" | ", Chain(error).Select(e => e.Message));
        Assert.Contains("DataProtection:CertificateFile", messages);
        Assert.Contains(path, messages);
        Assert.DoesNotContain(password, messages);
    }

    private static Action<IWebHostBuilder> WithCertificate(string path, string password) => builder =>
    {
        builder.UseSetting("DataProtection:CertificateFile", path);
        builder.UseSetting("DataProtection:CertificatePassword", password);
    };

    private static Task<List<string>> StoredKeysAsync(FinPilotApp app) =>
        app.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync());

    private static IEnumerable<Exception> Chain(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            yield return exception;
        }
    }

    private string WriteCertificate(string name, bool withPrivateKey)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=FinPilot data protection test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        using var exported = withPrivateKey ? null : X509CertificateLoader.LoadCertificate(certificate.Export(X509ContentType.Cert));
        var path = Path.Combine(_directory, name);
        File.WriteAllBytes(path, (exported ?? certificate).Export(X509ContentType.Pkcs12, Password));
        return path;
    }

    private string WriteText(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }
}
