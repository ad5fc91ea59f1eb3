using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using NewsDesk.Web.Data;
using StoreLocation = NewsDesk.Web.Data.StoreLocation;

namespace NewsDesk.Web.Operations;

/// <summary>
/// Data-protection keys (they sign the sign-in cookie and antiforgery tokens) live under the data folder so sessions
/// survive restarts. They are encrypted with a certificate when one is configured; otherwise they are kept in a
/// folder only NewsDesk's own user may open, and the start-up log says so (docs/decisions/1201-start-up-checks-and-key-protection.md).
/// </summary>
public static class DataProtectionSetup
{
    public static WebApplicationBuilder AddNewsDeskKeys(this WebApplicationBuilder builder)
    {
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("NewsDesk");
        // Read while registering (the decryption side takes the certificate itself, not a factory for it).
        var certificate = KeysCertificate(builder.Configuration.GetSection(NewsDeskOptions.SectionName).Get<NewsDeskOptions>() ?? new NewsDeskOptions());
        if (certificate is not null)
        {
            // Keys written under the certificate are read back with it; older, unencrypted keys still work.
            dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }

        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<StoreLocation, StoreEngine, ILoggerFactory, IServiceProvider>((options, store, engine, loggers, services) =>
            {
                var logger = loggers.CreateLogger(typeof(DataProtectionSetup));
                if (engine.DatabaseFile(store.ConnectionString) is null)
                {
                    // A server database: every instance behind the load balancer reads the same keys, so a cookie
                    // signed by one is accepted by the others.
                    options.XmlRepository = new EntityFrameworkCoreXmlRepository<NewsDeskDbContext>(services, loggers);
                    if (certificate is null)
                    {
                        options.XmlEncryptor = new OwnerOnlyXmlEncryptor();
                    }

                    logger.LogInformation("Data-protection keys are kept in the database, shared by every instance{Encryption}",
                        certificate is null ? "; set NewsDesk:KeysCertificatePath to encrypt them" : $", encrypted with certificate {certificate.Thumbprint}");
                    return;
                }

                var keys = OwnerOnlyFolder(Path.Combine(store.DataDirectory, "keys"));
                options.XmlRepository = new FileSystemXmlRepository(keys, loggers);
                if (certificate is not null)
                {
                    logger.LogInformation("Data-protection keys in {KeysDirectory} are encrypted with certificate {Thumbprint}", keys.FullName, certificate.Thumbprint);
                }
                else
                {
                    options.XmlEncryptor = new OwnerOnlyXmlEncryptor();
                    logger.LogInformation(
                        "Data-protection keys in {KeysDirectory} are protected by file permissions (owner only), not encrypted; set NewsDesk:KeysCertificatePath to encrypt them",
                        keys.FullName);
                }
            });
        return builder;
    }

    private static X509Certificate2? KeysCertificate(NewsDeskOptions options) =>
        string.IsNullOrWhiteSpace(options.KeysCertificatePath)
            ? null
            : X509CertificateLoader.LoadPkcs12FromFile(options.KeysCertificatePath, options.KeysCertificatePassword);

    /// <summary>
    /// Creates the folder as rwx------ and narrows an existing one to that (Unix; Windows uses its ACLs). Runs when the
    /// host is built, before <see cref="StartupChecks"/> can report a data directory it cannot write: then the folder
    /// is left for that check to name.
    /// </summary>
    private static DirectoryInfo OwnerOnlyFolder(string path)
    {
        const UnixFileMode ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        try
        {
            if (OperatingSystem.IsWindows())
            {
                return Directory.CreateDirectory(path);
            }

            var folder = Directory.CreateDirectory(path, ownerOnly);
            if (folder.UnixFileMode != ownerOnly)
            {
                folder.UnixFileMode = ownerOnly;
            }

            return folder;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new DirectoryInfo(path);
        }
    }

    /// <summary>
    /// Stores a key as ASP.NET Core's NullXmlEncryptor does (readable by its NullXmlDecryptor, so a certificate can be
    /// added later), but as the deliberate, logged choice it is here rather than a warning on every start.
    /// </summary>
    private sealed class OwnerOnlyXmlEncryptor : IXmlEncryptor
    {
        public EncryptedXmlInfo Encrypt(XElement plaintextElement) => new(
            new XElement("unencryptedKey", new XComment(" Not encrypted: protected by the keys folder's permissions (owner only). "), plaintextElement),
            typeof(NullXmlDecryptor));
    }
}
