using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FinPilot.Web.Data;
using Microsoft.AspNetCore.DataProtection;

namespace FinPilot.Web;

/// <summary>
/// The data-protection key ring (sign-in cookies, antiforgery and Identity tokens) lives in the
/// database so that any web node can read any node's cookies. With a certificate configured the
/// keys are encrypted there, so a copy of the database alone cannot forge a cookie.
/// </summary>
public static class DataProtectionSetup
{
    public const string CertificateFileSetting = "DataProtection:CertificateFile";
    public const string CertificatePasswordSetting = "DataProtection:CertificatePassword";

    public static IHostApplicationBuilder AddFinPilotDataProtection(this IHostApplicationBuilder builder)
    {
        var dataProtection = builder.Services.AddDataProtection()
            .SetApplicationName("FinPilot")
            .PersistKeysToDbContext<FinPilotDbContext>();

        // Read while the host is built: a certificate that cannot be used stops the host now, not at the first sign-in.
        var path = builder.Configuration[CertificateFileSetting];
        if (!string.IsNullOrWhiteSpace(path))
        {
            dataProtection.ProtectKeysWithCertificate(LoadCertificate(path, builder.Configuration[CertificatePasswordSetting]));
        }
        else if (!builder.Environment.IsDevelopment())
        {
            builder.Services.AddHostedService<UnencryptedKeysWarning>();
        }

        return builder;
    }

    /// <summary>Reads the key-encryption certificate; every failure names the setting and the file, never the password.</summary>
    public static X509Certificate2 LoadCertificate(string path, string? password)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{CertificateFileSetting}: the certificate file '{path}' does not exist.");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new InvalidOperationException(
                $"{CertificateFileSetting}: the certificate file '{path}' could not be read as a PKCS#12 (.pfx) file with the password of {CertificatePasswordSetting} ({exception.Message}).",
                exception);
        }

        // The keys are encrypted to the certificate's RSA key and decrypted with its private half.
        using var rsa = certificate.GetRSAPrivateKey();
        if (!certificate.HasPrivateKey || rsa is null)
        {
            certificate.Dispose();
            throw new InvalidOperationException($"{CertificateFileSetting}: the certificate in '{path}' has no RSA private key; the data-protection keys need one to be encrypted and read back.");
        }

        return certificate;
    }

    /// <summary>Says once, at start, what a reader of the database could do.</summary>
    private sealed class UnencryptedKeysWarning(ILogger<UnencryptedKeysWarning> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            logger.LogWarning(
                "{Setting} is not set: the data-protection keys that protect sign-in cookies and tokens are stored unencrypted in the database, and anyone who can read it can forge them.",
                CertificateFileSetting);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
