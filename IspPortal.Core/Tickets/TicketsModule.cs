using IspPortal.Core.Tickets.Analytics;
using IspPortal.Core.Tickets.Chat;
using IspPortal.Core.Tickets.Intake;
using IspPortal.Core.Tickets.Lifecycle;
using IspPortal.Core.Tickets.Sla;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Core.Tickets;

public static class TicketsModule
{
    public static IServiceCollection AddTickets(this IServiceCollection services)
    {
        services.AddScoped<OpenTicket>();
        services.AddScoped<AssignTicket>();
        services.AddScoped<TicketList>();
        services.AddScoped<TicketDetail>();
        services.AddScoped<ChangeTicketStatus>();
        services.AddScoped<TicketWorkload>();
        services.AddScoped<TicketCategories>();
        services.AddScoped<MyWork>();
        services.AddScoped<EscalateTickets>();
        services.AddScoped<WhatsAppTicketIntake>();
        services.AddScoped<EmailTicketIntake>();
        services.AddScoped<FollowUpTickets>();
        services.AddScoped<CustomerTicketAnswers>();
        services.AddScoped<TicketAnalytics>();

        services.AddSingleton<TicketChatFeed>();
        services.AddScoped<TicketConversation>();
        services.AddScoped<SendTicketReply>();
        services.AddScoped<AddInternalNote>();
        services.AddScoped<TicketChatReads>();
        services.AddScoped<TicketAttachmentDownload>();
        services.AddScoped<SignalTyping>();
        return services;
    }
}
