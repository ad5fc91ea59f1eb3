using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Operations;

/// <summary>
/// Data-protection keys: owner-only on disk by default, encrypted when a certificate is configured. About the keys
/// folder, so on SQLite: on PostgreSQL the instances share their keys in the database (Operations/DataProtectionSetup).
/// </summary>
[Trait(TestStore.EngineTrait, TestStore.FixedEngine)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class KeyProtectionTests
{
    private static async Task<string> KeyFileAfterSignInAsync(NewsDeskFactory factory)
    {
        // Signing in writes the first key (the cookie and antiforgery token are protected with it).
        await factory.CreateClientAsync("admin");
        return Assert.Single(Directory.GetFiles(Path.Combine(factory.DataDirectory, "keys"), "key-*.xml"));
    }

    [Fact]
    public async Task Without_a_certificate_the_keys_folder_is_open_to_its_owner_only()
    {
        await using var factory = new SqliteNewsDeskFactory();

        var key = await KeyFileAfterSignInAsync(factory);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(key)!));
        Assert.Contains("<unencryptedKey", await File.ReadAllTextAsync(key), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_existing_keys_folder_open_to_others_is_narrowed_to_its_owner()
    {
        var dataDirectory = TestDirectory.Create();
        var keys = Directory.CreateDirectory(Path.Combine(dataDirectory, "keys"));
        keys.UnixFileMode = (UnixFileMode)0b111_101_101;
        await using var factory = NewsDeskFactory.On(dataDirectory, TestEngine.Sqlite);

        await KeyFileAfterSignInAsync(factory);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(keys.FullName));
    }

    /// <summary>
    /// The certificate is read while the app is composed, from its settings as a user gives them (here command-line
    /// arguments), so this runs the built executable: started twice, the second start reads the key the first wrote.
    /// </summary>
    [Fact]
    public async Task With_a_certificate_keys_are_stored_encrypted_and_read_back_on_the_next_start()
    {
        var dataDirectory = TestDirectory.Create();
        var pfx = Path.Combine(TestDirectory.Create(), "keys.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=NewsDesk keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "pfx-password"));
        }

        string[] arguments = [$"--NewsDesk:DataDirectory={dataDirectory}", "--Ingest:Enabled=false", "--NewsDesk:ImportSeedsOnStart=false",
            $"--NewsDesk:KeysCertificatePath={pfx}", "--NewsDesk:KeysCertificatePassword=pfx-password"];

        var first = await AppProcess.RunUntilAsync(["--urls", "http://127.0.0.1:0", .. arguments], "Application started", TimeSpan.FromMinutes(2));
        var key = Assert.Single(Directory.GetFiles(Path.Combine(dataDirectory, "keys"), "key-*.xml"));
        var xml = await File.ReadAllTextAsync(key);
        var second = await AppProcess.RunUntilAsync(["--urls", "http://127.0.0.1:0", .. arguments], "Application started", TimeSpan.FromMinutes(2));

        Assert.Contains("are encrypted with certificate", first.Output, StringComparison.Ordinal);
        Assert.Contains("<EncryptedData", xml, StringComparison.Ordinal);
        Assert.Contains("EncryptedXmlDecryptor", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        // Had it not been able to decrypt the key, it would have warned and written a new one.
        Assert.DoesNotContain(" WRN] ", first.Output + second.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(" ERR] ", first.Output + second.Output, StringComparison.Ordinal);
        Assert.Equal([key], Directory.GetFiles(Path.Combine(dataDirectory, "keys"), "key-*.xml"));
    }
}
