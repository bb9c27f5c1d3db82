package cn.chengxin.catalog;

import cn.chengxin.catalog.domain.BaseCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A platform whose catalogue is empty starts with the base catalogue (in every profile: it is configuration); one
 * running already is proposed the base items a release added, for the credit office to approve
 * ({@link Catalogue#seedNewBaseItems}).
 */
@Component
@Order(-100)
class CatalogueSeeding implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CatalogueSeeding.class);

    private final Catalogue catalogue;

    CatalogueSeeding(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (catalogue.seed(BaseCatalogue.items())) {
            log.info("Information catalogue seeded with {} base items", BaseCatalogue.items().size());
        } else {
            java.util.List<String> added = catalogue.seedNewBaseItems(BaseCatalogue.items());
            if (!added.isEmpty()) {
                log.info("Information catalogue proposed the new base items {} for approval", added);
            }
        }
    }
}
