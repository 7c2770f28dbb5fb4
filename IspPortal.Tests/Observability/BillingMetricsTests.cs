using System.Diagnostics.Metrics;
using IspPortal.Core.Billing;
using IspPortal.Core.Billing.InvoiceRuns;
using IspPortal.Core.Billing.Payments;
using IspPortal.Core.Common;
using IspPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Observability;

/// <summary>
/// The billing use cases record the portal's metrics where the events happen: a confirmed payment
/// counts once under its method, an invoice run records its duration. Listened to on the Meter, and
/// only the measurements of this test's own calls (the Meter is process-wide; other tests run beside it).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "xunit disposes it through IAsyncLifetime.DisposeAsync.")]
public sealed class BillingMetricsTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private static readonly AsyncLocal<bool> Mine = new();
    private readonly ManualTimeProvider _clock = BillingTestData.MidMarch2025();
    private readonly List<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measured = [];
    private readonly Lock _gate = new();
    private MeterListener _listener = default!;
    private BillingTestData _data = default!;

    public async Task InitializeAsync()
    {
        _data = await BillingTestData.StartAsync(database, _clock);
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == PortalMetrics.MeterName)
                    listener.EnableMeasurementEvents(instrument);
            },
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    public async Task DisposeAsync()
    {
        _listener.Dispose();
        await _data.DisposeAsync();
    }

    [Fact]
    public async Task A_confirmed_payment_counts_once_under_its_method_and_an_invoice_run_records_its_duration()
    {
        Mine.Value = true;
        var customer = await _data.CustomerAsync();
        await _data.InvoiceAsync(customer, new DateOnly(2025, 3, 1));

        await _data.PayAsync(new PaymentInput(customer.Code, PaymentMethod.Cash, BillingTestData.MonthlyPrice, "metrics-1"));
        var repeated = await _data.RecordAsync(new PaymentInput(customer.Code, PaymentMethod.Cash, BillingTestData.MonthlyPrice, "metrics-1"));
        var run = await _data.InScopeAsync(sp => sp.GetRequiredService<GenerateInvoices>().ExecuteAsync(new DateOnly(2025, 4, 1), BillingRunTrigger.Manual));

        Assert.True(repeated.Succeeded && run.Succeeded, repeated.FirstError + run.FirstError);
        lock (_gate)
        {
            var payments = Assert.Single(_measured, m => m.Instrument == "ispportal.payments");
            Assert.Equal((1d, "Cash"), (payments.Value, payments.Tags["method"]));
            var invoiceRun = Assert.Single(_measured, m => m.Instrument == "ispportal.invoice_run.duration");
            Assert.Equal("succeeded", invoiceRun.Tags["outcome"]);
            Assert.True(invoiceRun.Value >= 0);
        }
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (!Mine.Value)
            return;
        var copied = new Dictionary<string, object?>();
        foreach (var tag in tags)
            copied[tag.Key] = tag.Value;
        lock (_gate)
            _measured.Add((instrument.Name, value, copied));
    }
}
