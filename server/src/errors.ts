import { errors } from '@strapi/utils';

/**
 * Domain errors thrown by services. Strapi's error middleware turns
 * ApplicationError/ValidationError into 400 and NotFoundError into 404 with the
 * message intact, so a service can speak to the person using the API.
 */
export const { ApplicationError, ValidationError, NotFoundError, ForbiddenError, PayloadTooLargeError } = errors;
