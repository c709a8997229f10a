using FinPilot.Cli;

return await CliApp.InvokeAsync(args);
