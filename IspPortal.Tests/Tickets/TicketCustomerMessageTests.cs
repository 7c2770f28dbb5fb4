using IspPortal.Core.Tickets;

namespace IspPortal.Tests.Tickets;

public sealed class TicketCustomerMessageTests
{
    private static readonly DateTimeOffset Opened = new(2026, 11, 2, 3, 0, 0, TimeSpan.Zero);

    private static Ticket NewTicket() =>
        new("TKT/2026/11/000001", null, "Internet mati", "Sejak pagi", TicketChannel.WhatsApp, TicketPriority.Medium, Opened, null);

    [Fact]
    public void A_customer_message_is_the_ticket_s_last_customer_message()
    {
        var ticket = NewTicket();
        Assert.Null(ticket.LastCustomerMessageAt);

        ticket.RecordCustomerMessage(Opened.AddMinutes(5));

        Assert.Equal(Opened.AddMinutes(5), ticket.LastCustomerMessageAt);
    }

    [Fact]
    public void A_message_delivered_out_of_order_does_not_move_the_time_back()
    {
        var ticket = NewTicket();
        ticket.RecordCustomerMessage(Opened.AddMinutes(10));

        ticket.RecordCustomerMessage(Opened.AddMinutes(4));

        Assert.Equal(Opened.AddMinutes(10), ticket.LastCustomerMessageAt);
    }
}
