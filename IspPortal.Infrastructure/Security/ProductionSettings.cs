using IspPortal.Infrastructure.LocalPostgres;
using Microsoft.Extensions.Configuration;

namespace IspPortal.Infrastructure.Security;

/// <summary>
/// What a production portal must not start with: the demo (known passwords, stand-ins that fake
/// payments), a Data Protection key ring stored unencrypted beside the data it protects, or a NIK
/// hash key kept only in the database it would protect. Each refusal names the setting to change.
/// </summary>
public static class ProductionSettings
{
    public static IReadOnlyList<string> Problems(IConfiguration configuration, bool demoRequested)
    {
        var problems = new List<string>();
        if (demoRequested || configuration.GetValue(LocalPostgresHosting.DemoEnabledKey, false))
            problems.Add(string.IsNullOrWhiteSpace(configuration.GetConnectionString(DependencyInjection.ConnectionStringName))
                ? $"ConnectionStrings__{DependencyInjection.ConnectionStringName} is not set, so the portal would run the demo on a private database. Set it to the production database (or run the demo with ASPNETCORE_ENVIRONMENT other than Production)."
                : $"{Env(LocalPostgresHosting.DemoEnabledKey)} is on. The demo (known passwords, simulated payments) is refused in Production: turn it off, or run the demo with ASPNETCORE_ENVIRONMENT other than Production.");

        if (configuration[DependencyInjection.DataProtectionCertificateKey] is not { Length: > 0 } certificate)
            problems.Add($"{Env(DependencyInjection.DataProtectionCertificateKey)} is not set: the Data Protection key ring would be stored unencrypted in the database. Point it at a PKCS#12 certificate (see .env.example).");
        else if (!File.Exists(certificate))
            problems.Add($"{Env(DependencyInjection.DataProtectionCertificateKey)} names '{certificate}', which does not exist.");

        if (configuration[HmacKeyedHasher.ConfigurationKey] is not { Length: > 0 } hashKey)
            problems.Add($"{Env(HmacKeyedHasher.ConfigurationKey)} is not set: the NIK hash key would be kept only in the database. Set it to base64 of at least {HmacKeyedHasher.MinimumKeyBytes} random bytes (openssl rand -base64 48).");
        else
        {
            try
            {
                HmacKeyedHasher.FromConfiguration(hashKey);
            }
            catch (InvalidOperationException invalid)
            {
                problems.Add(invalid.Message.Replace(HmacKeyedHasher.ConfigurationKey, Env(HmacKeyedHasher.ConfigurationKey), StringComparison.Ordinal));
            }
        }
        return problems;
    }

    /// <exception cref="InvalidOperationException">Naming every unsafe setting.</exception>
    public static void EnsureSafe(IConfiguration configuration, bool demoRequested)
    {
        var problems = Problems(configuration, demoRequested);
        if (problems.Count > 0)
            throw new InvalidOperationException("Refusing to start in Production:" + string.Concat(problems.Select(problem => Environment.NewLine + "- " + problem)));
    }

    private static string Env(string key) => key.Replace(":", "__", StringComparison.Ordinal);
}
