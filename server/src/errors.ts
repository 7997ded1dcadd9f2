import { errors } from '@strapi/utils';

/**
 * Domain errors thrown by services. Strapi's error middleware turns
 * ApplicationError/ValidationError into 400 and NotFoundError into 404 with the
 * message intact, so a service can speak to the person using the API.
 * A 403 with its message is a PolicyError: Strapi turns any other 403 thrown
 * after the route's policies into a bare "Forbidden".
 */
export const { ApplicationError, ValidationError, NotFoundError, ForbiddenError, PayloadTooLargeError, PolicyError } = errors;
