using System.Net;
using IspPortal.Core.Identity;
using IspPortal.Tests.Support;

namespace IspPortal.Tests.Finance;

/// <summary>The finance pages render on a running portal for the roles that may open them (prerendered HTML), and the Keuangan settings tab is there for Admin.</summary>
public sealed class FinancePagesTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("finance/periods", "Tutup buku")]
    [InlineData("finance/manual-journals", "Jurnal manual baru")]
    [InlineData("finance/capital", "Catat setoran modal")]
    [InlineData("finance/investments", "Investasi baru")]
    [InlineData("finance/investments/999999", "Investasi tidak ditemukan.")]
    public async Task Finance_opens_the_page(string path, string text)
    {
        using var client = await portal.SignInAsync(await portal.EnsureUserAsync(Roles.Finance));

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(text, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_is_not_let_in()
    {
        using var client = await portal.SignInAsync(await portal.EnsureUserAsync(Roles.Staff));

        var html = await (await client.GetAsync(new Uri("finance/periods", UriKind.Relative))).Content.ReadAsStringAsync();

        Assert.DoesNotContain("Bulan yang ditutup", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_does_not_see_the_investments()
    {
        using var client = await portal.SignInAsync(await portal.EnsureUserAsync(Roles.Staff));

        var html = await (await client.GetAsync(new Uri("finance/investments", UriKind.Relative))).Content.ReadAsStringAsync();

        Assert.DoesNotContain("data-testid=\"investments\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Investasi baru", html, StringComparison.Ordinal);
    }
}
