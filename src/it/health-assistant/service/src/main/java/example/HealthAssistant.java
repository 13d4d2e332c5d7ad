package example;

/** Stands for the service whose integration tests need the tables. */
public class HealthAssistant {
}
