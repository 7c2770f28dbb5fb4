using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using IspPortal.Core.Billing.Payments;
using IspPortal.Infrastructure.Security;
using IspPortal.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Platform.Edge;

/// <summary>The portal in Production, with settings a test chooses (by default safe ones: a key-ring certificate and a hash key).</summary>
public class ProductionPortalFactory : PortalFactory
{
    private readonly Dictionary<string, string?> _settings;

    public ProductionPortalFactory(Dictionary<string, string?>? overrides = null)
    {
        _settings = new Dictionary<string, string?>
        {
            ["DataProtection:CertificatePath"] = CertificateFile,
            ["Security:HashKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        };
        foreach (var (key, value) in overrides ?? [])
            _settings[key] = value;
    }

    public static string CertificateFile { get; } = CreateCertificate();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
    }

    private static string CreateCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=ispportal-test-keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(Path.GetTempPath(), $"ispportal-test-keys-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12));
        return path;
    }
}

/// <summary>Safe settings, and the demo's payment stand-in asked for without the demo: it must not appear.</summary>
public sealed class SafeProductionPortalFactory() : ProductionPortalFactory(new() { ["Demo:PaymentGatewayStandIn"] = "true" });

public sealed class ProductionStartTests(SafeProductionPortalFactory portal) : IClassFixture<SafeProductionPortalFactory>
{
    [Theory]
    [InlineData("Demo:Enabled", "true", "Demo__Enabled")]
    [InlineData("DataProtection:CertificatePath", "", "DataProtection__CertificatePath")]
    [InlineData("DataProtection:CertificatePath", "/nonexistent/keys.pfx", "DataProtection__CertificatePath")]
    [InlineData("Security:HashKey", "", "Security__HashKey")]
    [InlineData("Security:HashKey", "change-me-to-base64-of-at-least-32-random-bytes", "Security__HashKey")]
    public async Task Production_refuses_to_start_with_an_unsafe_setting_and_names_it(string key, string value, string named)
    {
        await using var unsafePortal = new ProductionPortalFactory(new() { [key] = value });

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => ((Xunit.IAsyncLifetime)unsafePortal).InitializeAsync());

        Assert.Contains("Refusing to start in Production", refused.ToString(), StringComparison.Ordinal);
        Assert.Contains(named, refused.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Outside_production_or_with_safe_settings_nothing_is_refused()
    {
        var safe = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = "Host=db",
            ["DataProtection:CertificatePath"] = ProductionPortalFactory.CertificateFile,
            ["Security:HashKey"] = Convert.ToBase64String(new byte[32]),
        }).Build();

        Assert.Empty(ProductionSettings.Problems(safe, demoRequested: false));
        Assert.Contains(ProductionSettings.Problems(safe, demoRequested: true), problem => problem.Contains("Demo__Enabled", StringComparison.Ordinal));
    }

    [Fact]
    public void Payment_simulation_exists_only_in_demo_mode()
    {
        var simulation = portal.Services.GetRequiredService<IPaymentSimulation>();

        Assert.IsType<NoPaymentSimulation>(simulation);
        Assert.False(simulation.IsAvailable);
    }

    [Fact]
    public async Task Production_redirects_plain_http_to_https_but_answers_health_on_http()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = portal.BaseAddress };

        using var page = await client.GetAsync(new Uri("login", UriKind.Relative));
        using var health = await client.GetAsync(new Uri("health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.TemporaryRedirect, page.StatusCode);
        Assert.Equal("https", page.Headers.Location?.Scheme);
        Assert.NotEqual(HttpStatusCode.TemporaryRedirect, health.StatusCode);
    }

    [Fact]
    public async Task Production_cookies_are_secure_behind_the_tls_proxy()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = portal.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("login", UriKind.Relative));
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, cookie => Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase));
    }
}
