package io.github.dynamosetup.maven;

import io.github.dynamosetup.core.ItemFiles;
import io.github.dynamosetup.core.ProvisioningException;
import io.github.dynamosetup.core.RunSummary;
import io.github.dynamosetup.core.TableProvisioner;
import io.github.dynamosetup.declaration.ConfigurationProblem;
import io.github.dynamosetup.declaration.Declaration;
import io.github.dynamosetup.declaration.InvalidDeclarationException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Puts the items of {@code itemFiles} into the declared tables, for integration tests: every item is checked
 * against its table's declaration first (the table is declared; its keys are there, with the declared types,
 * not empty; it is valid DynamoDB JSON under 400 KB; no key twice), all problems at once and nothing written
 * when there is one. Then BatchWriteItem calls of 25 puts, several at once, with the items DynamoDB returns as
 * unprocessed written again until {@code timeout}. Puts are idempotent: seeding twice leaves the same items.
 * Run it after {@code create}.
 *
 * @since 0.1.0
 */
@Mojo(name = "seed", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true)
public class SeedMojo extends AbstractProvisioningMojo {

    /**
     * The item files: paths or globs ({@code src/test/dynamodb/*.items.json}) relative to the project, as
     * {@code <itemFiles><itemFile>...</itemFile></itemFiles>}. Each file is either the AWS CLI's
     * {@code aws dynamodb batch-write-item --request-items} JSON ({@code {"orders": [{"PutRequest": {"Item":
     * {"id": {"S": "1"}}}}]}}: DynamoDB JSON, one or more tables, PutRequest only), or plain JSON
     * ({@code {"tableName": "orders", "items": [{"id": "1", "total": 12.5}]}}, or an array of such objects):
     * string S, number N (its exact decimal text), boolean BOOL, null NULL, array L, object M. Tables are named
     * as declared; the prefix and suffix are applied. Comma-separated on the command line.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dynamo-setup.itemFiles")
    private List<String> itemFiles = new ArrayList<>();

    /**
     * Skips this goal only.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dynamo-setup.seed.skip", defaultValue = "false")
    private boolean skipSeed;

    private ItemFiles.Items items;

    @Inject
    public SeedMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    protected void prepare(Declaration declaration) throws MojoFailureException {
        List<ConfigurationProblem> problems = new ArrayList<>();
        Path basedir = projectDirectory();
        List<Path> files = TableFiles.resolve(basedir, itemFiles, "itemFiles", "itemFile", problems);
        if (itemFiles.stream().allMatch(f -> f == null || f.isBlank())) {
            problems.add(new ConfigurationProblem(ConfigurationProblem.PLUGIN_CONFIGURATION, "<itemFiles>",
                    "names no file; give the item files to seed, e.g. <itemFiles><itemFile>src/test/dynamodb/"
                            + "*.items.json</itemFile></itemFiles>"));
        }
        items = ItemFiles.read(files, file -> TableFiles.displayName(basedir, file), declaration, problems);
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationFailure(goalName(), new InvalidDeclarationException(problems));
        }
    }

    @Override
    protected RunSummary run(TableProvisioner provisioner, Declaration declaration) throws ProvisioningException {
        return provisioner.seed(items);
    }

    @Override
    protected boolean writes() {
        return true;
    }

    @Override
    protected boolean isGoalSkipped() {
        return skipSeed;
    }
}
