using Caravan.Server;

var app = CaravanServer.CreateBuilder(args).BuildCaravan();
app.Run();

/// <summary>The server's entry point, public so tests can start it with WebApplicationFactory.</summary>
public partial class Program;
