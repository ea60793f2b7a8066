using Caravan.Cli;

var console = CliConsole.FromSystemConsole();
var root = CaravanCommand.Create(TimeProvider.System, console);
return CliRunner.Run(root, args, console);
