using IspPortal.Core.SelfService.Tickets;
using IspPortal.Core.Tickets;

namespace IspPortal.Tests.SelfService;

/// <summary>The subject of a ticket a customer opens: the category they picked and the first words of their story.</summary>
public sealed class PortalTicketSubjectTests
{
    private static readonly TicketCategory Outage = new() { Code = "GANGGUAN", Name = "Gangguan" };

    [Fact]
    public void The_first_line_follows_the_category_name()
    {
        Assert.Equal("Gangguan: Internet mati sejak pagi", OpenCustomerTicket.Subject(Outage, "Internet mati sejak pagi\nLampu LOS merah"));
        Assert.Equal("Internet mati sejak pagi", OpenCustomerTicket.Subject(null, "Internet mati sejak pagi\r\nLampu LOS merah"));
    }

    [Fact]
    public void A_long_story_is_cut_at_a_word_and_never_inside_a_surrogate_pair()
    {
        var cut = OpenCustomerTicket.Subject(null, "Sudah tiga hari internet putus nyambung terus setiap malam jam tujuh sampai jam sepuluh");
        var emoji = OpenCustomerTicket.Subject(null, new string('a', OpenCustomerTicket.SubjectWords - 1) + "😀 lagi");

        Assert.Equal("Sudah tiga hari internet putus nyambung terus setiap malam…", cut);
        Assert.Equal(new string('a', OpenCustomerTicket.SubjectWords - 1) + "…", emoji);
    }
}
