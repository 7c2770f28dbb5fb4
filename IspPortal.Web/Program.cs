using IspPortal.Web.Host;

if (SimulatorCommand.TryRun(args, out var simulator))
    return await simulator;

var (command, hostArgs) = PortalCommands.Parse(args);
var builder = WebApplication.CreateBuilder(hostArgs);
builder.AddPortal(command);

var app = builder.Build();
if (command is not null)
    return await PortalCommands.RunAsync(app, command);

await app.PrepareDatabaseAsync();
app.UsePortal();
await app.RunAsync();
return 0;

public partial class Program;
