import { PortholeError } from '../../../shared/errors';
import type { AppFolder } from '../folder';

/**
 * PHP (Laravel, Symfony, plain index.php) is not a runtime Porthole writes Dockerfiles for: refuse it clearly
 * instead of serving the PHP source as a static site.
 */
export async function refuseUnsupported(folder: AppFolder): Promise<void> {
  const marker = ['artisan', 'composer.json', 'index.php'].find((f) => folder.has(f)) ?? (folder.has('public') && (await folder.isFile('public/index.php')) ? 'public/index.php' : null);
  if (!marker) return;
  const laravel = folder.has('artisan');
  throw new PortholeError(
    'VALIDATION',
    `${folder.root} is a PHP app${laravel ? ' (Laravel)' : ''} (found ${marker}). Porthole does not write Dockerfiles for PHP yet. Add a Dockerfile (e.g. FROM php:8.3-apache, COPY . /var/www/html${laravel ? ', with composer install and DocumentRoot /var/www/html/public' : ''}) and Porthole will build and run it as it is.`,
  );
}
