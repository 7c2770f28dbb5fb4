using System.Globalization;
using IspPortal.Web.Localization;

namespace IspPortal.Tests.Platform.Localization;

public sealed class IndonesianMudLocalizerTests
{
    [Fact]
    public void Pager_info_formats_with_mudblazors_positional_arguments()
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("id-ID");
        try
        {
            Assert.Equal("1–25 dari 300", new IndonesianMudLocalizer()["MudDataGridPager_InfoFormat", 1, 25, 300].Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void English_users_get_mudblazors_own_text()
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
        try
        {
            Assert.True(new IndonesianMudLocalizer()["MudDataGridPager_RowsPerPage"].ResourceNotFound);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
