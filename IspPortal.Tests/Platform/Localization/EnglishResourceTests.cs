using System.Globalization;
using IspPortal.Web.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace IspPortal.Tests.Platform.Localization;

public sealed class EnglishResourceTests
{
    [Fact]
    public void English_ui_culture_reads_the_english_resource_and_indonesian_reads_the_key()
    {
        using var services = new ServiceCollection()
            .AddLocalization(options => options.ResourcesPath = "Resources")
            .AddLogging()
            .BuildServiceProvider();
        var localizer = services.GetRequiredService<IStringLocalizer<SharedStrings>>();
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("en-US");
            Assert.Equal("Service packages", localizer["Paket layanan"].Value);
            CultureInfo.CurrentUICulture = new CultureInfo("id-ID");
            Assert.Equal("Paket layanan", localizer["Paket layanan"].Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
