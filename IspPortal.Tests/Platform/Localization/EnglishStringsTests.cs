using System.Globalization;
using IspPortal.Web.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace IspPortal.Tests.Platform.Localization;

public class EnglishStringsTests
{
    [Fact]
    public void English_users_read_the_translation_and_Indonesian_users_the_key()
    {
        using var services = new ServiceCollection().AddLogging()
            .AddLocalization(options => options.ResourcesPath = "Resources").BuildServiceProvider();
        var localizer = services.GetRequiredService<IStringLocalizer<SharedStrings>>();
        var original = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
            Assert.Equal("Users", localizer["Pengguna"].Value);
            Assert.Equal("User admin created.", localizer["Pengguna {0} dibuat.", "admin"].Value);

            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("id-ID");
            Assert.Equal("Pengguna", localizer["Pengguna"].Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = original;
        }
    }
}
