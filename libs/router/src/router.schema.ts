import { PersistenceSchema } from '@alcor/persistence';
import { RouterInterfaceEntity } from './domain/router-interface.entity';
import { RouterEntity } from './domain/router.entity';
import { CreateRouters1764200000000 } from './migrations/1764200000000-create-routers';

/** The route manager's tables. */
export const routerSchema: PersistenceSchema = {
  entities: [RouterEntity, RouterInterfaceEntity],
  migrations: [CreateRouters1764200000000],
};
