using FlexMail.Domain;
using FlexMail.Portal.Hosting;
using FlexMail.Portal.Sandbox;

if (ApiKeyCommand.IsCommand(args))
{
    return await ApiKeyCommand.RunAsync(args, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);

var dataFolder = DataFolder.FromConfiguration(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddFlexMailDomain(builder.Configuration, dataFolder);
builder.UseFlexMailLocalHttps(dataFolder);
builder.AddFlexMailPortal();
builder.AddFlexMailSandbox(dataFolder);

var app = builder.Build();
app.UseFlexMailPortal();
app.MapFlexMailSandbox();
app.Run();
return 0;

/// <summary>Entry point, visible to the integration tests' <c>WebApplicationFactory</c>.</summary>
public partial class Program;
